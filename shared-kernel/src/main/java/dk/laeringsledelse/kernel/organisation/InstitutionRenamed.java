package dk.laeringsledelse.kernel.organisation;

import org.axonframework.serialization.Revision;

/** An institution got a new name. */
@Revision("1")
public record InstitutionRenamed(
        InstitutionId institutionId,
        MunicipalityId municipalityId,
        String name) implements OrganisationEvent {
}
