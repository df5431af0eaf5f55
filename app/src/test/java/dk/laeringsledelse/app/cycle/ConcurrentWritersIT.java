package dk.laeringsledelse.app.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.app.support.ApplicationTest;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sixteen writers document signs in one cycle at the same moment: every acknowledged sign is stored exactly once,
 * the cycle's sequence stays contiguous, and the read model counts exactly the acknowledged signs.
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
        eventStore.readEvents(cycleId).asStream().forEach(stream::add);
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
    }
}
