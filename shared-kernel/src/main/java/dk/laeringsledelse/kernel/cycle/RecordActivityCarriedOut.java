package dk.laeringsledelse.kernel.cycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record that a planned activity was carried out (at most once, never after cancellation).
 *
 * @param carriedOutOn not in the future, not before the cycle's planned start
 * @param notes        optional free text
 */
public record RecordActivityCarriedOut(
        @TargetAggregateIdentifier CycleId cycleId,
        ActivityId activityId,
        LocalDate carriedOutOn,
        String notes) implements LearningCycleCommand {
}
