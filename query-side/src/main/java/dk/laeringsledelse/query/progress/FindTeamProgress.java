package dk.laeringsledelse.query.progress;

/** Query for one team's progress document; also the subject of subscription queries for live updates. */
public record FindTeamProgress(String teamId) {
}
