package dk.laeringsledelse.kernel.cycle;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A planned activity was carried out. {@code notes} may be null.
 */
@Revision("1")
public record ActivityCarriedOut(
        CycleId cycleId,
        TeamId teamId,
        ActivityId activityId,
        LocalDate carriedOutOn,
        String notes) implements LearningCycleEvent {
}
