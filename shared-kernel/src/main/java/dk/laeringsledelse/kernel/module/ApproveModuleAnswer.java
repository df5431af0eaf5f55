package dk.laeringsledelse.kernel.module;

import dk.laeringsledelse.kernel.IdempotentCommand;
import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Approve the latest version of a team's module answer; an approved answer is final. Returns null.
 *
 * @param version the latest submitted version (naming it makes sure the approver read what is approved)
 */
public record ApproveModuleAnswer(TeamId teamId, ModuleId moduleId, int version) implements IdempotentCommand {

    @TargetAggregateIdentifier
    public ModuleAnswerId answerId() {
        return ModuleAnswerId.of(teamId, moduleId);
    }
}
