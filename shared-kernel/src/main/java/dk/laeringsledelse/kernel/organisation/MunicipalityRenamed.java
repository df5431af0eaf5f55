package dk.laeringsledelse.kernel.organisation;

import org.axonframework.serialization.Revision;

/** A municipality got a new name. */
@Revision("1")
public record MunicipalityRenamed(
        MunicipalityId municipalityId,
        String name) implements OrganisationEvent {
}
