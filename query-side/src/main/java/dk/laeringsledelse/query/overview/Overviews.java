package dk.laeringsledelse.query.overview;

import dk.laeringsledelse.query.summary.FindInstitutionOverview;
import dk.laeringsledelse.query.summary.InstitutionSummaryStore;
import dk.laeringsledelse.query.measurement.InstitutionMeasurementsView;
import dk.laeringsledelse.query.measurement.MeasurementStore;
import dk.laeringsledelse.query.organisation.OrganisationStore;
import dk.laeringsledelse.query.organisation.UnitView;
import dk.laeringsledelse.query.summary.TeamFigures;
import dk.laeringsledelse.query.progress.TeamProgress;
import dk.laeringsledelse.query.progress.TeamProgressStore;
import dk.laeringsledelse.query.progress.TeamProgressView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Reads the overviews from precomputed documents, a bounded number whatever the history: an institution's overview
 * reads the institution, its teams ({@code $in}), their progress ({@code $in}) and its measurements; a
 * municipality's reads the municipality, its institutions ({@code $in}) and their summaries ({@code $in}).
 * Access is the callers' business (the controllers).
 */
@Component
public class Overviews {

    private final OrganisationStore organisation;
    private final TeamProgressStore progress;
    private final MeasurementStore measurements;
    private final InstitutionSummaryStore summaries;
    private final Clock clock;

    public Overviews(OrganisationStore organisation, TeamProgressStore progress, MeasurementStore measurements,
                     InstitutionSummaryStore summaries, Clock clock) {
        this.organisation = organisation;
        this.progress = progress;
        this.measurements = measurements;
        this.summaries = summaries;
        this.clock = clock;
    }

    @QueryHandler
    public InstitutionOverview handle(FindInstitutionOverview query) {
        return organisation.find(UnitView.Kind.INSTITUTION, query.institutionId())
                .map(institution -> institution(institution, query.quietDays())).orElse(null);
    }

    public InstitutionOverview institution(UnitView institution, int quietDays) {
        Instant now = clock.instant();
        Instant quietSince = now.minus(Duration.ofDays(quietDays));
        List<UnitView> teams = organisation.findAll(UnitView.Kind.TEAM, institution.children).stream()
                .filter(UnitView::isActive).toList();
        Map<String, TeamProgress> byTeam = progress.findAll(teams.stream().map(t -> t.id).toList()).stream()
                .collect(Collectors.toMap(p -> p.teamId, Function.identity()));
        InstitutionMeasurementsView measured = measurements.find(institution.id)
                .orElseGet(InstitutionMeasurementsView::new);
        List<TeamFigures> figures = new ArrayList<>();
        List<TeamProgressView> views = new ArrayList<>();
        List<InstitutionOverview.QuietTeam> quiet = new ArrayList<>();
        for (UnitView team : teams) {
            TeamProgress teamProgress = byTeam.getOrDefault(team.id, new TeamProgress(team.id));
            TeamFigures teamFigures = teamProgress.figures();
            figures.add(teamFigures);
            views.add(TeamProgressView.of(teamProgress, team.name, now));
            if (!teamFigures.documentedSince(quietSince)) {
                quiet.add(new InstitutionOverview.QuietTeam(team.id, team.name, teamFigures.lastSignDocumentedAt()));
            }
        }
        return new InstitutionOverview(institution.id, institution.name, quietDays,
                InstitutionFigures.of(institution.id, institution.name, figures, measured.institutionSeries(),
                        quietSince),
                views, quiet, measured.teamSeries());
    }

    public MunicipalityOverview municipality(UnitView municipality, int quietDays) {
        Instant quietSince = clock.instant().minus(Duration.ofDays(quietDays));
        List<UnitView> institutions = organisation.findAll(UnitView.Kind.INSTITUTION, municipality.children).stream()
                .filter(UnitView::isActive).toList();
        Map<String, InstitutionSummaryStore.InstitutionSummary> byId =
                summaries.findAll(institutions.stream().map(i -> i.id).toList());
        return new MunicipalityOverview(municipality.id, municipality.name, quietDays, institutions.stream()
                .map(i -> {
                    var summary = byId.getOrDefault(i.id,
                            new InstitutionSummaryStore.InstitutionSummary(i.id, List.of(), List.of()));
                    return InstitutionFigures.of(i.id, i.name, summary.teams(), summary.indicators(), quietSince);
                }).toList());
    }
}
