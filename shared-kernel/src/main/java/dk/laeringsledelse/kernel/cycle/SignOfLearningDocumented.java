package dk.laeringsledelse.kernel.cycle;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A sign of learning was documented. {@code activityId} and {@code matchedExpectedSign} may be null;
 * {@code matchedExpectedSign} indexes the goal's expected signs as they were when this event happened.
 */
@Revision("1")
public record SignOfLearningDocumented(
        CycleId cycleId,
        TeamId teamId,
        SignId signId,
        GoalId goalId,
        ActivityId activityId,
        LocalDate observedOn,
        String observation,
        Integer matchedExpectedSign,
        EvidenceKind evidenceKind,
        List<ChildId> childIds) implements LearningCycleEvent {
}
