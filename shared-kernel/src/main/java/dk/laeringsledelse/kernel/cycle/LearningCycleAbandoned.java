package dk.laeringsledelse.kernel.cycle;

import org.axonframework.serialization.Revision;

/**
 * The cycle was abandoned; nothing more can be added to it.
 */
@Revision("1")
public record LearningCycleAbandoned(
        CycleId cycleId,
        TeamId teamId,
        String reason) implements LearningCycleEvent {
}
