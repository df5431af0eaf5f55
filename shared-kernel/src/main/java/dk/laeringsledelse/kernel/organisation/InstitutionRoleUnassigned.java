package dk.laeringsledelse.kernel.organisation;

import org.axonframework.serialization.Revision;

/** A person lost an institution role. */
@Revision("1")
public record InstitutionRoleUnassigned(
        InstitutionId institutionId,
        MunicipalityId municipalityId,
        PersonId personId,
        Role role) implements OrganisationEvent {
}
