package dk.laeringsledelse.kernel.cycle;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A goal's attainment was assessed. The latest assessment of a goal is its current attainment.
 */
@Revision("1")
public record GoalAttainmentAssessed(
        CycleId cycleId,
        TeamId teamId,
        AssessmentId assessmentId,
        GoalId goalId,
        Attainment attainment,
        String rationale,
        List<SignId> signIds) implements LearningCycleEvent {
}
