package dk.laeringsledelse.kernel.cycle;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A learning goal was set. {@code adaptation} may be null.
 */
@Revision("1")
public record LearningGoalSet(
        CycleId cycleId,
        TeamId teamId,
        GoalId goalId,
        String description,
        String curriculumTheme,
        TargetGroup targetGroup,
        List<String> expectedSigns,
        String adaptation) implements LearningCycleEvent {
}
