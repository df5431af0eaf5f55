package dk.laeringsledelse.kernel.organisation;

import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.serialization.Revision;

/** A team was registered. */
@Revision("1")
public record TeamRegistered(
        TeamId teamId,
        InstitutionId institutionId,
        MunicipalityId municipalityId,
        String name,
        String childGroup) implements OrganisationEvent {
}
