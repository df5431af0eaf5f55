package dk.laeringsledelse.kernel.cycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancel a planned activity that has not been carried out or cancelled.
 */
public record CancelActivity(
        @TargetAggregateIdentifier CycleId cycleId,
        ActivityId activityId,
        String reason) implements LearningCycleCommand {
}
