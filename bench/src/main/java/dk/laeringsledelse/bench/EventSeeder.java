package dk.laeringsledelse.bench;

import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.cycle.CycleId;
import dk.laeringsledelse.kernel.cycle.DataBasis;
import dk.laeringsledelse.kernel.cycle.EvidenceKind;
import dk.laeringsledelse.kernel.cycle.GoalId;
import dk.laeringsledelse.kernel.cycle.LearningCycleStarted;
import dk.laeringsledelse.kernel.cycle.LearningGoalSet;
import dk.laeringsledelse.kernel.cycle.PlannedPeriod;
import dk.laeringsledelse.kernel.cycle.SignId;
import dk.laeringsledelse.kernel.cycle.SignOfLearningDocumented;
import dk.laeringsledelse.kernel.cycle.TargetGroup;
import dk.laeringsledelse.kernel.cycle.TargetGroupKind;
import dk.laeringsledelse.kernel.cycle.TeamId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

/**
 * Fills the event store with realistic history fast: cycles of 20 events (started, goal set, 18 signs), each event
 * its own commit as a command would make it, ten cycles per team, written straight to the event store from several
 * threads (the command side is measured separately).
 */
final class EventSeeder {

    static final int EVENTS_PER_CYCLE = 20;
    private static final LocalDate TODAY = LocalDate.now();
    private static final MetaData SEEDER = MetaData.with(MetaDataKeys.ACTOR, "bench-seeder");

    private final EventStore eventStore;
    private final AtomicInteger cycles = new AtomicInteger();
    private final List<String> cycleIds = new ArrayList<>();

    EventSeeder(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Appends {@code count} more cycles' events (rounded down to whole cycles) from 8 threads. */
    void seed(int events) throws Exception {
        int newCycles = events / EVENTS_PER_CYCLE;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> done = new ArrayList<>();
            for (int i = 0; i < newCycles; i++) {
                int number = cycles.getAndIncrement();
                done.add(pool.submit(() -> seedCycle(number)));
            }
            for (Future<String> cycle : done) {
                synchronized (cycleIds) {
                    cycleIds.add(cycle.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    List<String> cycleIds() {
        synchronized (cycleIds) {
            return List.copyOf(cycleIds);
        }
    }

    private String seedCycle(int number) {
        String id = "bench-cycle-" + number;
        CycleId cycle = new CycleId(id);
        TeamId team = new TeamId("bench-team-" + number / 10);
        GoalId goal = new GoalId(id + "-goal");
        publish(id, 0, new LearningCycleStarted(cycle, team, "Forløb " + number,
                new PlannedPeriod(TODAY.minusDays(60), TODAY.plusDays(30)),
                new DataBasis("Profilanalysen T1 viser et smalt ordforråd", "Profilanalyse T1")));
        publish(id, 1, new LearningGoalSet(cycle, team, goal, "Børnene udvider deres ordforråd",
                "kommunikation-og-sprog", new TargetGroup(TargetGroupKind.WHOLE_GROUP, null, List.of()),
                List.of("Barnet bruger nye ord i leg"), null));
        for (int s = 0; s < EVENTS_PER_CYCLE - 2; s++) {
            publish(id, 2 + s, new SignOfLearningDocumented(cycle, team, new SignId(id + "-sign-" + s), goal, null,
                    TODAY.minusDays(1), "Barn A" + s + " brugte ordet kæmpestor under legen", 0,
                    EvidenceKind.OBSERVATION, List.of()));
        }
        return id;
    }

    private void publish(String cycleId, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>("LearningCycle", cycleId, sequence, payload, SEEDER));
    }
}
