package dk.laeringsledelse.kernel.cycle;

import org.axonframework.serialization.Revision;

/**
 * Feedback was given. The author's identity is the event's actor metadata; the role is part of the payload.
 */
@Revision("1")
public record FeedbackGiven(
        CycleId cycleId,
        TeamId teamId,
        FeedbackId feedbackId,
        FeedbackAbout about,
        AuthorRole authorRole,
        String text) implements LearningCycleEvent {
}
