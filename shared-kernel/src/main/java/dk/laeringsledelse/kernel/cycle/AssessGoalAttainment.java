package dk.laeringsledelse.kernel.cycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Assess how far a goal was reached, resting on documented signs of that goal; returns the assessment id.
 * A goal may be assessed again; every assessment is kept.
 *
 * @param signIds 0..200 signs of this goal, at least one for {@link Attainment#ACHIEVED} (null is read as none)
 */
public record AssessGoalAttainment(
        @TargetAggregateIdentifier CycleId cycleId,
        AssessmentId assessmentId,
        GoalId goalId,
        Attainment attainment,
        String rationale,
        List<SignId> signIds) implements LearningCycleCommand {

    @Override
    public Object resultId() {
        return assessmentId;
    }
}
