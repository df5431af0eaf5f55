package dk.laeringsledelse.kernel.module;

import dk.laeringsledelse.kernel.IdempotentCommand;
import dk.laeringsledelse.kernel.cycle.FeedbackId;
import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give feedback on one submitted version of a team's module answer (by the team's resource person: the API layer
 * checks the role); returns the feedback id.
 *
 * @param version a submitted version (the latest or an earlier one); not after approval
 * @param text    at most 4,000 characters
 */
public record GiveModuleFeedback(TeamId teamId, ModuleId moduleId, FeedbackId feedbackId, int version, String text) implements IdempotentCommand {

    @TargetAggregateIdentifier
    public ModuleAnswerId answerId() {
        return ModuleAnswerId.of(teamId, moduleId);
    }

    @Override
    public Object resultId() {
        return feedbackId;
    }
}
