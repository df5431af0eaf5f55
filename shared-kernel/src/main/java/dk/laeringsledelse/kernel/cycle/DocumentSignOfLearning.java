package dk.laeringsledelse.kernel.cycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Document a sign of learning observed for a goal; returns the sign id.
 *
 * @param activityId          optional: the activity where it was observed; must exist, serve the goal and not be cancelled
 * @param observedOn          not in the future (Europe/Copenhagen), not before the cycle's planned start
 * @param observation         what was observed (free text, may describe a child)
 * @param matchedExpectedSign optional 0-based index into the goal's current expected signs
 * @param childIds            pseudonymous children concerned (0..100; null is read as none)
 */
public record DocumentSignOfLearning(
        @TargetAggregateIdentifier CycleId cycleId,
        SignId signId,
        GoalId goalId,
        ActivityId activityId,
        LocalDate observedOn,
        String observation,
        Integer matchedExpectedSign,
        EvidenceKind evidenceKind,
        List<ChildId> childIds) implements LearningCycleCommand {

    @Override
    public Object resultId() {
        return signId;
    }
}
