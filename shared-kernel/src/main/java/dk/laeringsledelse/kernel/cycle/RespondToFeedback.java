package dk.laeringsledelse.kernel.cycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The team responds to a piece of feedback (one response per feedback).
 */
public record RespondToFeedback(
        @TargetAggregateIdentifier CycleId cycleId,
        FeedbackId feedbackId,
        String text) implements LearningCycleCommand {
}
