package dk.laeringsledelse.graphql.organisation;

import dk.laeringsledelse.query.organisation.UnitView;

/**
 * The answer to registering, renaming or retiring an institution: its id, and the institution as it reads after the
 * change.
 */
public record InstitutionPayload(String institutionId, UnitView institution) {

    static InstitutionPayload of(UnitView institution) {
        return new InstitutionPayload(institution.id, institution);
    }
}
