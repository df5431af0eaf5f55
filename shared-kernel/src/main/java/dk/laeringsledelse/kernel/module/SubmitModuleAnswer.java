package dk.laeringsledelse.kernel.module;

import dk.laeringsledelse.kernel.IdempotentCommand;
import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Submit a team's shared answer to a team module; the first submission creates the answer (version 1), each further
 * one is the next version. Returns the answer id ({@code <teamId>|<moduleId>}).
 *
 * @param moduleId one of {@link Modules} for {@link Audience#TEAM}
 * @param answer   the team's answer (free text, at most 20,000 characters); must differ from the latest version
 */
public record SubmitModuleAnswer(TeamId teamId, ModuleId moduleId, String answer) implements IdempotentCommand {

    @TargetAggregateIdentifier
    public ModuleAnswerId answerId() {
        return ModuleAnswerId.of(teamId, moduleId);
    }

    @Override
    public Object resultId() {
        return answerId();
    }
}
