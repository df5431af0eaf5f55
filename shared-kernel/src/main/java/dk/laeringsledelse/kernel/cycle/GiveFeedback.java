package dk.laeringsledelse.kernel.cycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give feedback on the cycle or on one of its goals, activities, signs or assessments; returns the feedback id.
 */
public record GiveFeedback(
        @TargetAggregateIdentifier CycleId cycleId,
        FeedbackId feedbackId,
        FeedbackAbout about,
        AuthorRole authorRole,
        String text) implements LearningCycleCommand {

    @Override
    public Object resultId() {
        return feedbackId;
    }
}
