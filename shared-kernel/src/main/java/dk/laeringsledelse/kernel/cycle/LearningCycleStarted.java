package dk.laeringsledelse.kernel.cycle;

import org.axonframework.serialization.Revision;

/**
 * A team started a learning cycle from a data basis.
 */
@Revision("1")
public record LearningCycleStarted(
        CycleId cycleId,
        TeamId teamId,
        String title,
        PlannedPeriod plannedPeriod,
        DataBasis dataBasis) implements LearningCycleEvent {
}
