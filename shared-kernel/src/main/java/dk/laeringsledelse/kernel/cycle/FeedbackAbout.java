package dk.laeringsledelse.kernel.cycle;

/**
 * What a piece of feedback is about: the kind, and the id of the goal, activity, sign or assessment
 * (as its plain string value) — {@code null} for {@link FeedbackAboutKind#CYCLE}.
 */
public record FeedbackAbout(FeedbackAboutKind kind, String referenceId) {

    public static FeedbackAbout cycle() {
        return new FeedbackAbout(FeedbackAboutKind.CYCLE, null);
    }

    public static FeedbackAbout goal(GoalId id) {
        return new FeedbackAbout(FeedbackAboutKind.GOAL, id.value());
    }

    public static FeedbackAbout activity(ActivityId id) {
        return new FeedbackAbout(FeedbackAboutKind.ACTIVITY, id.value());
    }

    public static FeedbackAbout sign(SignId id) {
        return new FeedbackAbout(FeedbackAboutKind.SIGN, id.value());
    }

    public static FeedbackAbout assessment(AssessmentId id) {
        return new FeedbackAbout(FeedbackAboutKind.ASSESSMENT, id.value());
    }
}
