package dk.laeringsledelse.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.app.support.ApplicationTest;
import dk.laeringsledelse.kernel.cycle.LearningCycleStarted;
import dk.laeringsledelse.kernel.cycle.SignOfLearningDocumented;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A mutation repeated with the same idempotency key and input, one after another or all at once, records one set of
 * events; the same key with another input is refused (CONFLICT on input.idempotencyKey), also when the requests race;
 * keys are scoped per person.
 */
class IdempotencyIT extends ApplicationTest {

    private static final int REPEATS = 10;

    @Autowired
    EventStore eventStore;

    @Test
    void theSameKeyTenTimesInARowOrAtOnceRecordsOneSetOfEvents() throws Exception {
        HttpGraphQlTester api = graphQl("pia");
        Map<String, Object> start = new HashMap<>(startInput(newTeam("pia").teamId(), "Gentaget"));
        start.put("idempotencyKey", "start-1");

        List<String> cycleIds = concurrently(() -> api.documentName("startLearningCycle").fragmentName("cycleFields")
                .variable("input", start).execute().errors().verify()
                .path("startLearningCycle.cycleId").entity(String.class).get());
        String cycleId = cycleIds.get(0);
        assertThat(cycleIds).as("every repeat names the same cycle").containsOnly(cycleId);

        String goalId = api.documentName("setLearningGoal").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId, "description", "Mål", "curriculumTheme", "kommunikation-og-sprog",
                        "targetGroup", Map.of("kind", "WHOLE_GROUP"), "expectedSigns", List.of("Tegn")))
                .execute().errors().verify().path("setLearningGoal.goalId").entity(String.class).get();

        Map<String, Object> sign = Map.of("cycleId", cycleId, "goalId", goalId,
                "observedOn", TODAY.minusDays(1).toString(), "observation", "Barnet sagde kæmpestor",
                "evidenceKind", "OBSERVATION", "idempotencyKey", "sign-in-a-row");
        List<String> inARow = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            var response = api.documentName("documentSignOfLearning").fragmentName("cycleFields")
                    .variable("input", sign).execute().errors().verify();
            inARow.add(response.path("documentSignOfLearning.signId").entity(String.class).get());
            versions.add(response.path("documentSignOfLearning.cycle.version").entity(Integer.class).get());
        }
        assertThat(inARow).containsOnly(inARow.get(0));
        assertThat(versions).as("the cycle's version after each repeat").containsOnly(2);

        Map<String, Object> concurrentSign = new HashMap<>(sign);
        concurrentSign.put("idempotencyKey", "sign-at-once");
        List<String> atOnce = concurrently(() -> api.documentName("documentSignOfLearning").fragmentName("cycleFields")
                .variable("input", concurrentSign).execute().errors().verify()
                .path("documentSignOfLearning.signId").entity(String.class).get());
        assertThat(atOnce).containsOnly(atOnce.get(0)).doesNotContain(inARow.get(0));

        List<DomainEventMessage<?>> stream = new ArrayList<>();
        eventStore.readEvents(cycleId).asStream().forEach(stream::add);
        assertThat(stream).as("started, goal set, two signs").hasSize(4);
        assertThat(stream).filteredOn(e -> e.getPayload() instanceof LearningCycleStarted).hasSize(1);
        assertThat(stream).filteredOn(e -> e.getPayload() instanceof SignOfLearningDocumented)
                .extracting(e -> ((SignOfLearningDocumented) e.getPayload()).signId().value())
                .containsExactly(inARow.get(0), atOnce.get(0));
        api.documentName("learningCycle").fragmentName("cycleFields").variable("id", cycleId).execute().errors()
                .verify().path("learningCycle.version").entity(Integer.class).isEqualTo(3)
                .path("learningCycle.counts.signs").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherInputIsRefusedAsConflictAndStoresNothing() {
        HttpGraphQlTester api = graphQl("pia");
        Map<String, Object> start = new HashMap<>(startInput(newTeam("pia").teamId(), "Første forløb"));
        start.put("idempotencyKey", "start-other-input");
        String cycleId = api.documentName("startLearningCycle").fragmentName("cycleFields").variable("input", start)
                .execute().errors().verify().path("startLearningCycle.cycleId").entity(String.class).get();
        String goalId = setGoal(api, cycleId);
        Map<String, Object> sign = signInput(cycleId, goalId, "Barnet sagde kæmpestor", "sign-other-input");
        api.documentName("documentSignOfLearning").fragmentName("cycleFields").variable("input", sign)
                .execute().errors().verify();

        Map<String, Object> otherSign = signInput(cycleId, goalId, "Barnet talte til ti", "sign-other-input");
        assertThat(answer(api, "documentSignOfLearning", "signId", otherSign))
                .isEqualTo("CONFLICT input.idempotencyKey idempotencyKey sign-other-input was already used for a"
                        + " different DocumentSignOfLearning request; use a new key for a new request");
        Map<String, Object> otherStart = new HashMap<>(start);
        otherStart.put("title", "Et andet forløb");
        assertThat(answer(api, "startLearningCycle", "cycleId", otherStart))
                .startsWith("CONFLICT input.idempotencyKey idempotencyKey start-other-input was already used for a"
                        + " different StartLearningCycle request");

        assertThat(events(cycleId)).as("started, goal set, one sign: nothing stored for the refused requests")
                .hasSize(3);
    }

    @Test
    void twoPersonsWithTheSameKeyAndInputEachRecordTheirOwnSign() {
        String anna = unique("anna");
        String bo = unique("bo");
        String teamId = newTeam(anna, bo).teamId();
        HttpGraphQlTester asAnna = graphQl(anna);
        String cycleId = asAnna.documentName("startLearningCycle").fragmentName("cycleFields")
                .variable("input", startInput(teamId, "Fælles forløb")).execute().errors().verify()
                .path("startLearningCycle.cycleId").entity(String.class).get();
        String goalId = setGoal(asAnna, cycleId);
        Map<String, Object> sign = signInput(cycleId, goalId, "Barnet sagde kæmpestor", "sign-1");

        String annasSign = answer(asAnna, "documentSignOfLearning", "signId", sign);
        String bosSign = answer(graphQl(bo), "documentSignOfLearning", "signId", sign);

        assertThat(annasSign).startsWith("OK ");
        assertThat(bosSign).startsWith("OK ").isNotEqualTo(annasSign);
        assertThat(events(cycleId)).filteredOn(e -> e.getPayload() instanceof SignOfLearningDocumented)
                .extracting(e -> "OK " + ((SignOfLearningDocumented) e.getPayload()).signId().value())
                .containsExactly(annasSign, bosSign);
    }

    @Test
    void simultaneousRequestsWithOneKeyAndDifferentInputsStoreOneAndRefuseTheOthers() throws Exception {
        HttpGraphQlTester api = graphQl("pia");
        String teamId = newTeam("pia").teamId();
        List<String> starts = concurrently(i -> {
            Map<String, Object> start = new HashMap<>(startInput(teamId, "Forløb " + i));
            start.put("idempotencyKey", "start-race");
            return answer(api, "startLearningCycle", "cycleId", start);
        });
        assertThat(starts).filteredOn(answer -> answer.startsWith("OK ")).hasSize(1);
        assertThat(starts).filteredOn(answer -> answer.startsWith("CONFLICT input.idempotencyKey "))
                .hasSize(REPEATS - 1);
        String cycleId = starts.stream().filter(answer -> answer.startsWith("OK ")).findFirst().orElseThrow()
                .substring("OK ".length());

        String goalId = setGoal(api, cycleId);
        List<String> signs = concurrently(i -> answer(api, "documentSignOfLearning", "signId",
                signInput(cycleId, goalId, "Iagttagelse " + i, "sign-race")));
        assertThat(signs).filteredOn(answer -> answer.startsWith("OK ")).hasSize(1);
        assertThat(signs).filteredOn(answer -> answer.startsWith("CONFLICT input.idempotencyKey "))
                .hasSize(REPEATS - 1);
        assertThat(events(cycleId)).as("started, goal set, one sign").hasSize(3);
    }

    private static String setGoal(HttpGraphQlTester api, String cycleId) {
        return api.documentName("setLearningGoal").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId, "description", "Mål",
                        "curriculumTheme", "kommunikation-og-sprog",
                        "targetGroup", Map.of("kind", "WHOLE_GROUP"), "expectedSigns", List.of("Tegn")))
                .execute().errors().verify().path("setLearningGoal.goalId").entity(String.class).get();
    }

    private static Map<String, Object> signInput(String cycleId, String goalId, String observation, String key) {
        return Map.of("cycleId", cycleId, "goalId", goalId, "observedOn", TODAY.minusDays(1).toString(),
                "observation", observation, "evidenceKind", "OBSERVATION", "idempotencyKey", key);
    }

    /** "OK id" or "CODE field message" of the first error. */
    private static String answer(HttpGraphQlTester api, String mutation, String idField, Map<String, Object> input) {
        var response = api.documentName(mutation).fragmentName("cycleFields").variable("input", input).execute();
        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        if (!errors.isEmpty()) {
            Map<String, Object> extensions = errors.get(0).getExtensions();
            return extensions.get("code") + " " + extensions.get("field") + " " + errors.get(0).getMessage();
        }
        return "OK " + response.path(mutation + "." + idField).entity(String.class).get();
    }

    private List<DomainEventMessage<?>> events(String cycleId) {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        eventStore.readEvents(cycleId).asStream().forEach(stream::add);
        return stream;
    }

    /** Runs {@code call} {@value REPEATS} times at the same moment, each with its index, and returns every answer. */
    private static <T> List<T> concurrently(IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REPEATS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < REPEATS; i++) {
                int index = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return call.apply(index);
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code call} {@value REPEATS} times at the same moment and returns every answer. */
    private static <T> List<T> concurrently(Callable<T> call) throws Exception {
        return concurrently(index -> {
            try {
                return call.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
