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
 * @param institutionKind the name of the {@code InstitutionKind} of the cycle's institution, which decides the themes
 *                        a goal may name; the API looks it up (the cycle knows only its team). A name, not the enum,
 *                        so that the cycle package does not depend on the organisation package, which depends on it.
 *                        Null when unknown: the theme is then not checked
 */
public record SetLearningGoal(
        @TargetAggregateIdentifier CycleId cycleId,
        GoalId goalId,
        String description,
        String curriculumTheme,
        TargetGroup targetGroup,
        List<String> expectedSigns,
        String adaptation,
        String institutionKind) implements LearningCycleCommand {

    /** A goal whose institution kind is not known here (e.g. demo data): its theme is not checked against a kind. */
    public SetLearningGoal(CycleId cycleId, GoalId goalId, String description, String curriculumTheme,
                           TargetGroup targetGroup, List<String> expectedSigns, String adaptation) {
        this(cycleId, goalId, description, curriculumTheme, targetGroup, expectedSigns, adaptation, null);
    }

    @Override
    public Object resultId() {
        return goalId;
    }
}
