package dk.laeringsledelse.query.cycleview;

import dk.laeringsledelse.query.support.ProcessingGroups;
import dk.laeringsledelse.kernel.cycle.LearningCycleEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code learning_cycles} and {@code team_cycles} up to date. The application sequences this processing group
 * by team, so one thread at a time handles a team's events and the read-modify-write of its documents is safe.
 */
@Component
@ProcessingGroup(ProcessingGroups.TEAM_VIEWS)
public class LearningCycleProjection {

    private final LearningCycleStore store;
    private final QueryUpdateEmitter updates;

    public LearningCycleProjection(LearningCycleStore store, QueryUpdateEmitter updates) {
        this.store = store;
        this.updates = updates;
    }

    @EventHandler
    public void on(LearningCycleEvent event, EventMessage<?> message, @SequenceNumber Long sequenceNumber) {
        String cycleId = event.cycleId().value();
        LearningCycleView view = store.find(cycleId).orElseGet(LearningCycleView::new);
        if (LearningCycleViews.apply(view, event, sequenceNumber, message.getTimestamp(), message.getMetaData())) {
            store.save(view);
        }
        // also on a re-delivered event: the team entry may not have been written before a crash
        store.index(view);
        updates.emit(FindLearningCycle.class, query -> query.cycleId().equals(cycleId), view);
    }

    @QueryHandler
    public LearningCycleView handle(FindLearningCycle query) {
        return store.find(query.cycleId()).orElse(null);
    }

    @ResetHandler
    public void reset() {
        store.deleteAll();
    }
}
