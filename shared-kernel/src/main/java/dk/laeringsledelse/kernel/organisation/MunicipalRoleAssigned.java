package dk.laeringsledelse.kernel.organisation;

import org.axonframework.serialization.Revision;

/** A person got a municipal role. */
@Revision("1")
public record MunicipalRoleAssigned(
        MunicipalityId municipalityId,
        PersonId personId,
        Role role) implements OrganisationEvent {
}
