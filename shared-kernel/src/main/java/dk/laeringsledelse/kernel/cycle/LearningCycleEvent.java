package dk.laeringsledelse.kernel.cycle;

/**
 * Every event of a learning cycle carries the cycle id and the team id, so that projections need no state to know
 * the team. Who acted, the correlation id and the idempotency key are in the event's metadata
 * ({@link dk.laeringsledelse.kernel.MetaDataKeys}), when it happened is the event message's timestamp.
 */
public interface LearningCycleEvent {

    CycleId cycleId();

    TeamId teamId();
}
