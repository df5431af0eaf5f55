package dk.laeringsledelse.kernel.cycle;

/** What a piece of feedback is about. */
public enum FeedbackAboutKind {
    /** The cycle as a whole; no reference id. */
    CYCLE,
    GOAL,
    ACTIVITY,
    SIGN,
    ASSESSMENT
}
