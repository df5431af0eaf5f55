package dk.laeringsledelse.query.cycleview;

import dk.laeringsledelse.kernel.cycle.LearningCycleEvent;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A learning cycle exactly as its view read at a past instant: the cycle's own events up to that instant, run through
 * the projection's own {@link LearningCycleViews#apply}. Only that cycle's events are read (by its unique stream key).
 */
@Component
public class CycleAsOf {

    private final EventStore events;

    public CycleAsOf(EventStore events) {
        this.events = events;
    }

    /** Empty if the cycle did not exist yet at {@code asOf}. */
    public Optional<LearningCycleView> read(String cycleId, Instant asOf) {
        LearningCycleView view = new LearningCycleView();
        boolean any = false;
        // from sequence 0, not from a snapshot (readEvents(id) would start from one)
        DomainEventStream stream = events.readEvents(cycleId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getTimestamp().isAfter(asOf)) {
                break; // the cycle at an instant is a prefix of its stream: nothing after this can count
            }
            if (message.getPayload() instanceof LearningCycleEvent event) {
                LearningCycleViews.apply(view, event, message.getSequenceNumber(), message.getTimestamp(),
                        message.getMetaData());
                any = true;
            }
        }
        return any ? Optional.of(view) : Optional.empty();
    }
}
