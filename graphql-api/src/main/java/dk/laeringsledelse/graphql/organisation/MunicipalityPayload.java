package dk.laeringsledelse.graphql.organisation;

import dk.laeringsledelse.query.organisation.UnitView;

/**
 * The answer to registering, renaming or retiring a municipality: its id, and the municipality as it reads after the
 * change.
 */
public record MunicipalityPayload(String municipalityId, UnitView municipality) {

    static MunicipalityPayload of(UnitView municipality) {
        return new MunicipalityPayload(municipality.id, municipality);
    }
}
