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
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A mutation repeated with the same idempotency key, one after another or all at once, records one set of events. */
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

    /** Runs {@code call} {@value REPEATS} times at the same moment and returns every answer. */
    private static <T> List<T> concurrently(Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REPEATS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < REPEATS; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return call.call();
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
}
