package dk.laeringsledelse.query.timeline;

/** What kind of step a timeline entry records; one kind per learning-cycle event type. */
public enum TimelineEntryKind {
    CYCLE_STARTED,
    GOAL_SET,
    GOAL_REVISED,
    ACTIVITY_PLANNED,
    ACTIVITY_CARRIED_OUT,
    ACTIVITY_CANCELLED,
    SIGN_DOCUMENTED,
    GOAL_ASSESSED,
    FEEDBACK_GIVEN,
    FEEDBACK_RESPONDED,
    REFLECTION_RECORDED,
    CYCLE_COMPLETED,
    CYCLE_ABANDONED
}
