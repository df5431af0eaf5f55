package dk.laeringsledelse.query.progress;

import dk.laeringsledelse.query.summary.GoalCounts;
import dk.laeringsledelse.query.summary.TeamFigures;
import dk.laeringsledelse.kernel.module.Audience;
import dk.laeringsledelse.kernel.module.Modules;
import dk.laeringsledelse.query.cycleview.LearningCycleView.Phase;
import dk.laeringsledelse.query.progress.TeamProgress.ModuleStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The GraphQL {@code TeamProgress}: a team's progress document with the figures that depend on the time of asking. */
public record TeamProgressView(String teamId, String teamName, List<CycleProgress> activeCycles,
                               List<CycleProgress> completedCycles, GoalCounts goals, SignFigures signs,
                               FeedbackFigures feedback, List<ModuleProgress> modules) {

    public record CycleProgress(String cycleId, String title, Phase phase, Instant phaseSince, long daysInPhase,
                                Instant startedAt, GoalCounts goals, int signs) {
    }

    public record WeekCount(String week, int count) {
    }

    public record SignFigures(int total, List<WeekCount> perWeek, LocalDate lastObservedOn, Instant lastDocumentedAt) {
    }

    public record FeedbackFigures(int received, int unanswered, Double medianResponseHours) {
    }

    public record ModuleProgress(String moduleId, String title, ModuleStatus status, int latestVersion,
                                 Instant lastChangedAt) {
    }

    public static TeamProgressView of(TeamProgress progress, String teamName, Instant now) {
        TeamFigures figures = progress.figures();
        return new TeamProgressView(progress.teamId, teamName,
                cycles(progress, progress.activeCycles(), now), cycles(progress, progress.completedCycles(), now),
                figures.goals(),
                new SignFigures(progress.signs,
                        progress.signsPerWeek.stream().map(w -> new WeekCount(w.week, w.count)).toList(),
                        progress.lastSignObservedOn, progress.lastSignDocumentedAt),
                new FeedbackFigures(figures.feedbackReceived(), figures.feedbackUnanswered(),
                        progress.medianResponseHours()),
                modules(progress));
    }

    private static List<CycleProgress> cycles(TeamProgress progress, List<TeamProgress.Cycle> cycles, Instant now) {
        return cycles.stream().map(c -> new CycleProgress(c.cycleId, c.title, c.phase, c.phaseSince,
                Duration.between(c.phaseSince, now).toDays(), c.startedAt, progress.goalCounts(List.of(c)), c.signs))
                .toList();
    }

    /** Every team module of the program, in its order, started or not. */
    private static List<ModuleProgress> modules(TeamProgress progress) {
        List<ModuleProgress> modules = new ArrayList<>();
        for (var module : Modules.forAudience(Audience.TEAM)) {
            TeamProgress.Module state = progress.modules.stream()
                    .filter(m -> m.moduleId.equals(module.id().value())).findFirst().orElse(null);
            modules.add(state == null
                    ? new ModuleProgress(module.id().value(), module.titleDa(), ModuleStatus.NOT_STARTED, 0, null)
                    : new ModuleProgress(module.id().value(), module.titleDa(), state.status, state.latestVersion,
                    state.lastChangedAt));
        }
        return modules;
    }
}
