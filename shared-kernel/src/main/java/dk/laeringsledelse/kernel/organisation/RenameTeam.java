package dk.laeringsledelse.kernel.organisation;

import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a team a new name. */
public record RenameTeam(
        @TargetAggregateIdentifier TeamId teamId,
        String name) {
}
