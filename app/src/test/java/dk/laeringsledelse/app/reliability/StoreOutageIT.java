package dk.laeringsledelse.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.embeddedstore.EmbeddedMongoStore;
import dk.laeringsledelse.app.support.ApplicationTest;
import dk.laeringsledelse.kernel.cycle.SignOfLearningDocumented;
import dk.laeringsledelse.query.replay.ProjectionReplay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The store goes away while the application runs: requests fail fast with UNAVAILABLE instead of hanging; when it
 * comes back, everything acknowledged before is there exactly once and the projections catch up.
 *
 * <p>A mutation may wait for the store twice: Axon reads the snapshot, and on failure the event stream.
 */
class StoreOutageIT extends ApplicationTest {

    private static final Duration TIMEOUT = Duration.parse("PT" + STORE_TIMEOUT);

    @Autowired
    EmbeddedMongoStore store;
    @Autowired
    EventStore eventStore;
    @Autowired
    ProjectionReplay projections;

    @Test
    void requestsFailFastWhileTheStoreIsDownAndNothingAcknowledgedIsLost() throws Exception {
        HttpGraphQlTester api = graphQl("pia");
        String cycleId = api.documentName("startLearningCycle").fragmentName("cycleFields")
                .variable("input", startInput(newTeam("pia").teamId(), "Udfald")).execute().errors().verify()
                .path("startLearningCycle.cycleId").entity(String.class).get();
        String goalId = api.documentName("setLearningGoal").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId, "description", "Mål", "curriculumTheme", "kommunikation-og-sprog",
                        "targetGroup", Map.of("kind", "WHOLE_GROUP"), "expectedSigns", List.of("Tegn")))
                .execute().errors().verify().path("setLearningGoal.goalId").entity(String.class).get();
        Map<String, Object> sign = Map.of("cycleId", cycleId, "goalId", goalId,
                "observedOn", TODAY.minusDays(1).toString(), "observation", "Observeret", "evidenceKind", "OBSERVATION");

        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acknowledged.add(document(api, sign));
        }

        store.stop();
        try {
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                List<ResponseError> errors = api.documentName("documentSignOfLearning").fragmentName("cycleFields")
                        .variable("input", sign).execute().returnResponse().getErrors();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("code", "UNAVAILABLE");
                    assertThat(e.getMessage()).contains("nothing was recorded");
                });
                assertThat(took).as("a mutation while the store is down").isLessThan(TIMEOUT.multipliedBy(2).plusSeconds(2));
            }
            long started = System.nanoTime();
            assertThat(api.documentName("learningCycle").fragmentName("cycleFields").variable("id", cycleId)
                    .execute().returnResponse().getErrors())
                    .singleElement().satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAVAILABLE"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a query while the store is down")
                    .isLessThan(TIMEOUT.plusSeconds(1));
        } finally {
            store.restart();
        }

        for (int i = 0; i < 5; i++) {
            acknowledged.add(document(api, sign));
        }
        assertThat(projections.awaitCaughtUp(Duration.ofSeconds(60))).as("processors caught up after the outage")
                .isTrue();

        List<String> stored = new ArrayList<>();
        eventStore.readEvents(cycleId).asStream()
                .filter(e -> e.getPayload() instanceof SignOfLearningDocumented)
                .forEach(e -> stored.add(((SignOfLearningDocumented) e.getPayload()).signId().value()));
        assertThat(stored).containsExactlyElementsOf(acknowledged);
        api.documentName("learningCycle").fragmentName("cycleFields").variable("id", cycleId).execute().errors()
                .verify().path("learningCycle.counts.signs").entity(Integer.class).isEqualTo(acknowledged.size());
    }

    private static String document(HttpGraphQlTester api, Map<String, Object> sign) {
        return api.documentName("documentSignOfLearning").fragmentName("cycleFields").variable("input", sign)
                .execute().errors().verify().path("documentSignOfLearning.signId").entity(String.class).get();
    }
}
