package dk.laeringsledelse.query.overview;

import dk.laeringsledelse.query.summary.MeasurementSeries;
import dk.laeringsledelse.query.progress.TeamProgressView;
import java.time.Instant;
import java.util.List;

/**
 * Everything a leader steers an institution by, in one answer.
 *
 * @param figures         the institution's key figures (as in the municipality's overview)
 * @param teams           every team's progress
 * @param quietTeams      teams with no sign documented in the last {@code quietDays} days
 * @param teamMeasurements every team's series per indicator
 */
public record InstitutionOverview(String institutionId, String name, int quietDays, InstitutionFigures figures,
                                  List<TeamProgressView> teams, List<QuietTeam> quietTeams,
                                  List<MeasurementSeries> teamMeasurements) {

    public record QuietTeam(String teamId, String teamName, Instant lastSignDocumentedAt) {
    }
}
