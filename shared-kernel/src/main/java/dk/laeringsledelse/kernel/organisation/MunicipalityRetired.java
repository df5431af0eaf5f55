package dk.laeringsledelse.kernel.organisation;

import org.axonframework.serialization.Revision;

/** A municipality was retired. */
@Revision("1")
public record MunicipalityRetired(
        MunicipalityId municipalityId) implements OrganisationEvent {
}
