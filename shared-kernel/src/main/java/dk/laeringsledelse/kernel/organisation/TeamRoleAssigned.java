package dk.laeringsledelse.kernel.organisation;

import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.serialization.Revision;

/** A person got a team role. */
@Revision("1")
public record TeamRoleAssigned(
        TeamId teamId,
        InstitutionId institutionId,
        MunicipalityId municipalityId,
        PersonId personId,
        Role role) implements OrganisationEvent {
}
