package dk.laeringsledelse.kernel.cycle;

import org.axonframework.serialization.Revision;

/**
 * A planned activity was cancelled.
 */
@Revision("1")
public record ActivityCancelled(
        CycleId cycleId,
        TeamId teamId,
        ActivityId activityId,
        String reason) implements LearningCycleEvent {
}
