package dk.laeringsledelse.kernel.organisation;

import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a team in an institution; {@code childGroup} describes the children it works with, e.g. "3-4 år". */
public record RegisterTeam(
        @TargetAggregateIdentifier TeamId teamId,
        InstitutionId institutionId,
        MunicipalityId municipalityId,
        String name,
        String childGroup) {
}
