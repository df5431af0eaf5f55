package dk.laeringsledelse.kernel.cycle;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A pedagogical activity was planned. {@code methodAndOrganisation} and {@code adaptation} may be null.
 */
@Revision("1")
public record ActivityPlanned(
        CycleId cycleId,
        TeamId teamId,
        ActivityId activityId,
        List<GoalId> goalIds,
        String description,
        String methodAndOrganisation,
        LocalDate plannedDate,
        String adaptation) implements LearningCycleEvent {
}
