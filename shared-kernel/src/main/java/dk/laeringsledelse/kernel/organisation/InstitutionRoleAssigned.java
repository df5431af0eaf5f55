package dk.laeringsledelse.kernel.organisation;

import org.axonframework.serialization.Revision;

/** A person got an institution role. */
@Revision("1")
public record InstitutionRoleAssigned(
        InstitutionId institutionId,
        MunicipalityId municipalityId,
        PersonId personId,
        Role role) implements OrganisationEvent {
}
