package dk.laeringsledelse.kernel.cycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Set a learning goal in the cycle; returns the goal id.
 *
 * @param description     the goal (at most 4,000 characters)
 * @param curriculumTheme code of a curriculum theme (reference data), at most 100 characters
 * @param targetGroup     which children
 * @param expectedSigns   the signs of learning the team expects to see (1..20 texts of at most 4,000 characters)
 * @param adaptation      optional: how the goal is adapted to the children's functional levels
 */
public record SetLearningGoal(
        @TargetAggregateIdentifier CycleId cycleId,
        GoalId goalId,
        String description,
        String curriculumTheme,
        TargetGroup targetGroup,
        List<String> expectedSigns,
        String adaptation) implements LearningCycleCommand {

    @Override
    public Object resultId() {
        return goalId;
    }
}
