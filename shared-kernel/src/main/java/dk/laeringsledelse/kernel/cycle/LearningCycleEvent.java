package dk.laeringsledelse.kernel.cycle;

/**
 * Every event of a learning cycle carries the cycle id and the team id, so that projections need no state to know
 * the team. Who acted, the correlation id and the idempotency key are in the event's metadata
 * ({@link dk.laeringsledelse.kernel.MetaDataKeys}), when it happened is the event message's timestamp.
 *
 * <p>Sealed: views list every event of a cycle, and are checked to handle (or ignore) each.
 */
public sealed interface LearningCycleEvent permits LearningCycleStarted, LearningGoalSet, LearningGoalRevised,
        ActivityPlanned, ActivityCarriedOut, ActivityCancelled, SignOfLearningDocumented, GoalAttainmentAssessed,
        FeedbackGiven, FeedbackResponded, ReflectionRecorded, LearningCycleCompleted, LearningCycleAbandoned {

    CycleId cycleId();

    TeamId teamId();
}
