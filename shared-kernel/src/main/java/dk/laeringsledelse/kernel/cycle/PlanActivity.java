package dk.laeringsledelse.kernel.cycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Plan a pedagogical activity serving one or more goals of the cycle; returns the activity id.
 *
 * @param goalIds               1..20 existing goals
 * @param methodAndOrganisation optional: method and organisation of the activity
 * @param adaptation            optional: adaptation to the children's functional levels
 */
public record PlanActivity(
        @TargetAggregateIdentifier CycleId cycleId,
        ActivityId activityId,
        List<GoalId> goalIds,
        String description,
        String methodAndOrganisation,
        LocalDate plannedDate,
        String adaptation) implements LearningCycleCommand {

    @Override
    public Object resultId() {
        return activityId;
    }
}
