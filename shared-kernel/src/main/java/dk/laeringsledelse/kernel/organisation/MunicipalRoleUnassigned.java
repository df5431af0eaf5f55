package dk.laeringsledelse.kernel.organisation;

import org.axonframework.serialization.Revision;

/** A person lost a municipal role. */
@Revision("1")
public record MunicipalRoleUnassigned(
        MunicipalityId municipalityId,
        PersonId personId,
        Role role) implements OrganisationEvent {
}
