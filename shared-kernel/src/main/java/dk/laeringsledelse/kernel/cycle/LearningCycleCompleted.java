package dk.laeringsledelse.kernel.cycle;

import org.axonframework.serialization.Revision;

/**
 * The cycle was completed; nothing more can be added to it.
 */
@Revision("1")
public record LearningCycleCompleted(
        CycleId cycleId,
        TeamId teamId,
        String summary,
        String nextSteps) implements LearningCycleEvent {
}
