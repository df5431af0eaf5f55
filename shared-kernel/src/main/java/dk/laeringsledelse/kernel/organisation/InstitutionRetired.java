package dk.laeringsledelse.kernel.organisation;

import org.axonframework.serialization.Revision;

/** An institution was retired. */
@Revision("1")
public record InstitutionRetired(
        InstitutionId institutionId,
        MunicipalityId municipalityId) implements OrganisationEvent {
}
