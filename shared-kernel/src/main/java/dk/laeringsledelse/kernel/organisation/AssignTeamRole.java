package dk.laeringsledelse.kernel.organisation;

import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a person a team role (EDUCATOR, COORDINATOR or RESOURCE_PERSON). */
public record AssignTeamRole(
        @TargetAggregateIdentifier TeamId teamId,
        PersonId personId,
        Role role) {
}
