package dk.laeringsledelse.kernel.cycle;

import org.axonframework.serialization.Revision;

/**
 * The team responded to a piece of feedback.
 */
@Revision("1")
public record FeedbackResponded(
        CycleId cycleId,
        TeamId teamId,
        FeedbackId feedbackId,
        String text) implements LearningCycleEvent {
}
