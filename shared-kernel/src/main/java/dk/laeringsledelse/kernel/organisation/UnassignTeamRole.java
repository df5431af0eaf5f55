package dk.laeringsledelse.kernel.organisation;

import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a team role from a person. */
public record UnassignTeamRole(
        @TargetAggregateIdentifier TeamId teamId,
        PersonId personId,
        Role role) {
}
