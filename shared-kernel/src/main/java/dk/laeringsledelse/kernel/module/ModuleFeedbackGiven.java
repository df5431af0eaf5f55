package dk.laeringsledelse.kernel.module;

import dk.laeringsledelse.kernel.cycle.FeedbackId;
import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.serialization.Revision;

/**
 * Feedback was given on one version of a team's module answer. The author is the event's actor metadata.
 *
 * @param version the version the feedback is about
 */
@Revision("1")
public record ModuleFeedbackGiven(
        ModuleAnswerId answerId,
        TeamId teamId,
        ModuleId moduleId,
        FeedbackId feedbackId,
        int version,
        String text) implements ModuleAnswerEvent {
}
