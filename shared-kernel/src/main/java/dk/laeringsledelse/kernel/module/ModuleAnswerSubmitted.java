package dk.laeringsledelse.kernel.module;

import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.serialization.Revision;

/**
 * A team submitted a version of its shared answer to a module.
 *
 * @param version 1 for the first submission, then 2, 3, ...
 * @param answer  the team's answer (free text)
 */
@Revision("1")
public record ModuleAnswerSubmitted(
        ModuleAnswerId answerId,
        TeamId teamId,
        ModuleId moduleId,
        int version,
        String answer) implements ModuleAnswerEvent {
}
