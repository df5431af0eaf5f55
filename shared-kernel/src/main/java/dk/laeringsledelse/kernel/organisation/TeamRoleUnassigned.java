package dk.laeringsledelse.kernel.organisation;

import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.serialization.Revision;

/** A person lost a team role. */
@Revision("1")
public record TeamRoleUnassigned(
        TeamId teamId,
        InstitutionId institutionId,
        MunicipalityId municipalityId,
        PersonId personId,
        Role role) implements OrganisationEvent {
}
