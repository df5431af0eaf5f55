package dk.laeringsledelse.kernel.cycle;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A goal was revised. A {@code null} description or expectedSigns means that part did not change; a non-null value
 * replaces the earlier one. Signs documented afterwards refer to the revised expected signs by index.
 */
@Revision("1")
public record LearningGoalRevised(
        CycleId cycleId,
        TeamId teamId,
        GoalId goalId,
        String description,
        List<String> expectedSigns,
        String reason) implements LearningCycleEvent {
}
