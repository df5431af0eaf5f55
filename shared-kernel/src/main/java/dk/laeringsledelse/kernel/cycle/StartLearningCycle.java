package dk.laeringsledelse.kernel.cycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Start a learning cycle for a team. Creates the cycle; returns its id. With an idempotency key the application
 * derives {@code cycleId} from the key, so a repeat reaches the existing cycle and returns its id.
 *
 * @param title         at most 200 characters
 * @param plannedPeriod end not before start
 * @param dataBasis     what the data showed and where it came from (free texts, at most 4,000 characters each)
 */
public record StartLearningCycle(
        @TargetAggregateIdentifier CycleId cycleId,
        TeamId teamId,
        String title,
        PlannedPeriod plannedPeriod,
        DataBasis dataBasis) implements LearningCycleCommand {

    @Override
    public Object resultId() {
        return cycleId;
    }
}
