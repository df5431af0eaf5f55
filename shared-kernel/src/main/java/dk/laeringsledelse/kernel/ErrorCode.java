package dk.laeringsledelse.kernel;

/** What kind of rule a {@link RuleViolation} breaks; the API layer maps it to its own error classification. */
public enum ErrorCode {
    /** A value in the request is malformed, missing, too long or otherwise invalid on its own. */
    BAD_REQUEST,
    /** The request refers to something (cycle, goal, activity, sign, feedback, assessment) that does not exist. */
    NOT_FOUND,
    /** The request is well-formed but clashes with the current state (closed cycle, duplicate id, ...). */
    CONFLICT,
    /** The acting person may not do this. */
    FORBIDDEN
}
