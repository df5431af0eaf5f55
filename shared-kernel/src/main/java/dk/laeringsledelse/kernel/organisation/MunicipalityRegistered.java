package dk.laeringsledelse.kernel.organisation;

import org.axonframework.serialization.Revision;

/** A municipality was registered. */
@Revision("1")
public record MunicipalityRegistered(
        MunicipalityId municipalityId,
        String name) implements OrganisationEvent {
}
