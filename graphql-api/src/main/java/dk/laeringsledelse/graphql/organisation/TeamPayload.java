package dk.laeringsledelse.graphql.organisation;

import dk.laeringsledelse.query.organisation.UnitView;

/** The answer to registering, renaming or retiring a team: its id, and the team as it reads after the change. */
public record TeamPayload(String teamId, UnitView team) {

    static TeamPayload of(UnitView team) {
        return new TeamPayload(team.id, team);
    }
}
