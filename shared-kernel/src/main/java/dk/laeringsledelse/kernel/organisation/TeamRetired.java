package dk.laeringsledelse.kernel.organisation;

import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.serialization.Revision;

/** A team was retired. */
@Revision("1")
public record TeamRetired(
        TeamId teamId,
        InstitutionId institutionId,
        MunicipalityId municipalityId) implements OrganisationEvent {
}
