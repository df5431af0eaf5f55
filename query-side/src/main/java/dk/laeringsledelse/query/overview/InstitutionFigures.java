package dk.laeringsledelse.query.overview;

import dk.laeringsledelse.query.summary.MeasurementSeries;
import dk.laeringsledelse.query.summary.GoalCounts;
import dk.laeringsledelse.query.summary.TeamFigures;
import java.time.Instant;
import java.util.List;

/**
 * An institution's key figures, summed over its teams.
 *
 * @param teamsDocumentingSigns teams with a sign documented in the last {@code quietDays} days
 * @param quietTeams            teams without one
 * @param measurements          the institution's series per indicator, with their changes T1→T2 and T2→T3
 */
public record InstitutionFigures(String institutionId, String name, int teams, int teamsDocumentingSigns,
                                 int quietTeams, int signs, int activeCycles, int completedCycles, GoalCounts goals,
                                 int feedbackReceived, int feedbackUnanswered, List<MeasurementSeries> measurements) {

    static InstitutionFigures of(String institutionId, String name, List<TeamFigures> teams,
                                 List<MeasurementSeries> measurements, Instant quietSince) {
        int documenting = (int) teams.stream().filter(t -> t.documentedSince(quietSince)).count();
        return new InstitutionFigures(institutionId, name, teams.size(), documenting, teams.size() - documenting,
                teams.stream().mapToInt(TeamFigures::signs).sum(),
                teams.stream().mapToInt(TeamFigures::activeCycles).sum(),
                teams.stream().mapToInt(TeamFigures::completedCycles).sum(),
                teams.stream().map(TeamFigures::goals).reduce(GoalCounts.NONE, GoalCounts::plus),
                teams.stream().mapToInt(TeamFigures::feedbackReceived).sum(),
                teams.stream().mapToInt(TeamFigures::feedbackUnanswered).sum(),
                measurements);
    }
}
