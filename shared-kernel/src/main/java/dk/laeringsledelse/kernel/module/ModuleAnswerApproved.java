package dk.laeringsledelse.kernel.module;

import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.serialization.Revision;

/** A version of a team's module answer was approved; the answer is final. The approver is the actor metadata. */
@Revision("1")
public record ModuleAnswerApproved(
        ModuleAnswerId answerId,
        TeamId teamId,
        ModuleId moduleId,
        int version) implements ModuleAnswerEvent {
}
