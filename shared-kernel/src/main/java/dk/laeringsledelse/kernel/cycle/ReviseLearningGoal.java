package dk.laeringsledelse.kernel.cycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Revise a goal's description and/or expected signs, giving the reason. {@code null} means unchanged; at least one
 * of the two must be given and differ from the current value.
 */
public record ReviseLearningGoal(
        @TargetAggregateIdentifier CycleId cycleId,
        GoalId goalId,
        String description,
        List<String> expectedSigns,
        String reason) implements LearningCycleCommand {
}
