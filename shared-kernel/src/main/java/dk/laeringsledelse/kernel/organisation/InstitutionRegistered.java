package dk.laeringsledelse.kernel.organisation;

import org.axonframework.serialization.Revision;

/** An institution was registered. */
@Revision("1")
public record InstitutionRegistered(
        InstitutionId institutionId,
        MunicipalityId municipalityId,
        String name,
        InstitutionKind kind) implements OrganisationEvent {
}
