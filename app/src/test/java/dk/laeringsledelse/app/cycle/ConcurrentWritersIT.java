package dk.laeringsledelse.app.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.app.store.EventStoreDatabase;
import dk.laeringsledelse.app.support.ApplicationTest;
import dk.laeringsledelse.command.cycle.LearningCycle;
import dk.laeringsledelse.eventstore.MongoEventStorageEngine;
import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.cycle.CycleId;
import dk.laeringsledelse.kernel.cycle.DocumentSignOfLearning;
import dk.laeringsledelse.kernel.cycle.EvidenceKind;
import dk.laeringsledelse.kernel.cycle.GoalId;
import dk.laeringsledelse.kernel.cycle.SignId;
import dk.laeringsledelse.kernel.cycle.SignOfLearningDocumented;
import dk.laeringsledelse.query.cycleview.LearningCycleStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sixteen writers document signs in one cycle at the same moment: every acknowledged sign is stored exactly once,
 * the cycle's sequence stays contiguous, and the read model counts exactly the acknowledged signs. Past 50 events the
 * cycle is snapshotted, and a load starts from the snapshot.
 */
class ConcurrentWritersIT extends ApplicationTest {

    private static final int WRITERS = 16;
    private static final int SIGNS_EACH = 8;

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    LearningCycleStore cycles;
    @Autowired
    EventStoreDatabase store;

    @Test
    void concurrentWritersOnOneCycleLoseNothingAndDuplicateNothing() throws Exception {
        String cycleId = graphQl("pia").documentName("startLearningCycle").fragmentName("cycleFields")
                .variable("input", startInput(newTeam("pia").teamId(), "Travl dag")).execute().errors().verify()
                .path("startLearningCycle.cycleId").entity(String.class).get();
        String goalId = graphQl("pia").documentName("setLearningGoal").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId, "description", "Mål", "curriculumTheme", "kommunikation-og-sprog",
                        "targetGroup", Map.of("kind", "WHOLE_GROUP"), "expectedSigns", List.of("Tegn")))
                .execute().errors().verify().path("setLearningGoal.goalId").entity(String.class).get();

        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> refused = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            pool.submit(() -> {
                go.await();
                for (int i = 0; i < SIGNS_EACH; i++) {
                    String signId = "sign-" + writer + "-" + i;
                    try {
                        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new DocumentSignOfLearning(
                                        new CycleId(cycleId), new SignId(signId), new GoalId(goalId), null,
                                        TODAY.minusDays(1), "observeret", null, EvidenceKind.OBSERVATION, List.of()))
                                .andMetaData(MetaData.with(MetaDataKeys.ACTOR, "writer-" + writer)));
                        acknowledged.add(signId);
                    } catch (RuntimeException e) {
                        refused.add(e); // a conflict retried too often is refused, never half-stored
                    }
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        List<DomainEventMessage<?>> stream = new ArrayList<>();
        eventStore.readEvents(cycleId, 0).asStream().forEach(stream::add); // every event, not from a snapshot
        List<String> storedSigns = stream.stream()
                .filter(e -> e.getPayload() instanceof SignOfLearningDocumented)
                .map(e -> ((SignOfLearningDocumented) e.getPayload()).signId().value())
                .toList();
        assertThat(storedSigns).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acknowledged);
        assertThat(stream).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, stream.size()).boxed().toList());
        assertThat(acknowledged.size() + refused.size()).isEqualTo(WRITERS * SIGNS_EACH);
        assertThat(acknowledged).as("conflicts are retried, so nearly every write succeeds; refused: %s", refused)
                .hasSizeGreaterThanOrEqualTo(WRITERS * SIGNS_EACH / 2);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int projected = -1;
        while (System.nanoTime() < deadline) {
            projected = cycles.find(cycleId).map(v -> v.counts().signs()).orElse(-1);
            if (projected == acknowledged.size()) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(projected).isEqualTo(acknowledged.size());

        // past 50 events the cycle is snapshotted (in the background), so loading it no longer reads every commit
        Document snapshot = null;
        while (snapshot == null && System.nanoTime() < deadline + Duration.ofSeconds(10).toNanos()) {
            snapshot = store.database().getCollection(MongoEventStorageEngine.SNAPSHOTS)
                    .find(new Document("_id", cycleId)).first();
            Thread.sleep(50);
        }
        assertThat(snapshot).as("snapshot of the cycle").isNotNull();
        assertThat(snapshot.get("seq", Number.class).longValue()).isGreaterThanOrEqualTo(49);
        // and a load starts from it: the aggregate read back from the snapshot, then the events after it
        DomainEventMessage<?> first = eventStore.readEvents(cycleId).asStream().findFirst().orElseThrow();
        assertThat(first.getPayload()).isInstanceOf(LearningCycle.class);
        assertThat(first.getSequenceNumber()).isGreaterThanOrEqualTo(49);
    }
}
