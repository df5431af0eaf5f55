package dk.laeringsledelse.query.progress;

import dk.laeringsledelse.query.summary.GoalCounts;
import dk.laeringsledelse.query.summary.TeamFigures;
import com.fasterxml.jackson.annotation.JsonProperty;
import dk.laeringsledelse.kernel.cycle.ActivityCancelled;
import dk.laeringsledelse.kernel.cycle.ActivityCarriedOut;
import dk.laeringsledelse.kernel.cycle.ActivityPlanned;
import dk.laeringsledelse.kernel.cycle.FeedbackGiven;
import dk.laeringsledelse.kernel.cycle.FeedbackResponded;
import dk.laeringsledelse.kernel.cycle.GoalAttainmentAssessed;
import dk.laeringsledelse.kernel.cycle.LearningCycleAbandoned;
import dk.laeringsledelse.kernel.cycle.LearningCycleCompleted;
import dk.laeringsledelse.kernel.cycle.LearningCycleEvent;
import dk.laeringsledelse.kernel.cycle.LearningCycleStarted;
import dk.laeringsledelse.kernel.cycle.LearningGoalRevised;
import dk.laeringsledelse.kernel.cycle.LearningGoalSet;
import dk.laeringsledelse.kernel.cycle.ReflectionRecorded;
import dk.laeringsledelse.kernel.cycle.SignOfLearningDocumented;
import dk.laeringsledelse.kernel.module.ModuleAnswerApproved;
import dk.laeringsledelse.kernel.module.ModuleAnswerEvent;
import dk.laeringsledelse.kernel.module.ModuleAnswerSubmitted;
import dk.laeringsledelse.kernel.module.ModuleFeedbackGiven;
import dk.laeringsledelse.query.cycleview.LearningCycleView.Phase;
import dk.laeringsledelse.query.support.EventHandlers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One team's progress as its dashboard reads it: one document in {@code team_progress}, {@code _id} = team id, built
 * from the team's registration, its cycles' events and its module answers' events. Only structured figures are kept
 * (phases, attainments, dates, counts), never free text about children.
 */
public class TeamProgress {

    /** Weeks and "today" are Danish. */
    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    @JsonProperty("_id")
    public String teamId;
    public String institutionId;
    public String municipalityId;
    public List<Cycle> cycles = new ArrayList<>();
    public List<Goal> goals = new ArrayList<>();
    public int signs;
    /** Signs documented per ISO week of the day they were documented, e.g. {@code 2026-W48}, in week order. */
    public List<WeekCount> signsPerWeek = new ArrayList<>();
    public LocalDate lastSignObservedOn;
    public Instant lastSignDocumentedAt;
    public List<Feedback> feedback = new ArrayList<>();
    public List<Module> modules = new ArrayList<>();
    /** The last sequence number applied per aggregate (team, cycles, module answers): re-delivery is skipped. */
    public List<Applied> applied = new ArrayList<>();

    public static class Cycle {
        public String cycleId;
        public String title;
        public Phase phase;
        public Instant phaseSince;
        public Instant startedAt;
        public int signs;
    }

    public static class Goal {
        public String cycleId;
        public String goalId;
        /** The latest assessment's attainment, or null. */
        public String attainment;
    }

    public static class WeekCount {
        public String week;
        public int count;
    }

    public static class Feedback {
        public String feedbackId;
        public String cycleId;
        public Instant givenAt;
        public Instant respondedAt;
    }

    public static class Module {
        public String moduleId;
        public ModuleStatus status;
        public int latestVersion;
        public Instant lastChangedAt;
    }

    public enum ModuleStatus { NOT_STARTED, SUBMITTED, FEEDBACK_GIVEN, APPROVED }

    public static class Applied {
        public String aggregateId;
        public long sequence;
    }

    public TeamProgress() {
    }

    public TeamProgress(String teamId) {
        this.teamId = teamId;
    }

    /** The last sequence number applied from this aggregate, or -1. */
    public long applied(String aggregateId) {
        return applied.stream().filter(a -> a.aggregateId.equals(aggregateId)).mapToLong(a -> a.sequence)
                .findFirst().orElse(-1);
    }

    /** Records that this event is applied; false if it was applied before (re-delivery). */
    boolean markApplied(String aggregateId, long sequence) {
        Applied entry = applied.stream().filter(a -> a.aggregateId.equals(aggregateId)).findFirst().orElse(null);
        if (entry == null) {
            entry = new Applied();
            entry.aggregateId = aggregateId;
            entry.sequence = -1;
            applied.add(entry);
        }
        if (sequence <= entry.sequence) {
            return false;
        }
        entry.sequence = sequence;
        return true;
    }

    void apply(LearningCycleEvent event, Instant at) {
        CYCLE_HANDLERS.apply(this, event, at);
    }

    void apply(ModuleAnswerEvent event, Instant at) {
        String moduleId = event.moduleId().value();
        Module module = modules.stream().filter(m -> m.moduleId.equals(moduleId)).findFirst().orElseGet(() -> {
            Module created = new Module();
            created.moduleId = moduleId;
            modules.add(created);
            return created;
        });
        MODULE_HANDLERS.apply(module, event, at);
        module.lastChangedAt = at;
    }

    private static final EventHandlers<TeamProgress, LearningCycleEvent, Instant> CYCLE_HANDLERS =
            EventHandlers.<TeamProgress, LearningCycleEvent, Instant>of(LearningCycleEvent.class)
                    .on(LearningCycleStarted.class, TeamProgress::on)
                    .on(LearningGoalSet.class, TeamProgress::on)
                    .on(ActivityCarriedOut.class, TeamProgress::on)
                    .on(SignOfLearningDocumented.class, TeamProgress::on)
                    .on(GoalAttainmentAssessed.class, TeamProgress::on)
                    .on(FeedbackGiven.class, TeamProgress::on)
                    .on(FeedbackResponded.class, TeamProgress::on)
                    .on(LearningCycleCompleted.class, TeamProgress::on)
                    .on(LearningCycleAbandoned.class, TeamProgress::on)
                    // these change no figure, but are still of a known cycle
                    .on(LearningGoalRevised.class, TeamProgress::requireKnownCycle)
                    .on(ActivityPlanned.class, TeamProgress::requireKnownCycle)
                    .on(ActivityCancelled.class, TeamProgress::requireKnownCycle)
                    .on(ReflectionRecorded.class, TeamProgress::requireKnownCycle)
                    .build();

    private static final EventHandlers<Module, ModuleAnswerEvent, Instant> MODULE_HANDLERS =
            EventHandlers.<Module, ModuleAnswerEvent, Instant>of(ModuleAnswerEvent.class)
                    .on(ModuleAnswerSubmitted.class, TeamProgress::on)
                    .on(ModuleFeedbackGiven.class, TeamProgress::on)
                    .on(ModuleAnswerApproved.class, TeamProgress::on)
                    .build();

    private void on(LearningCycleStarted e, Instant at) {
        Cycle cycle = new Cycle();
        cycle.cycleId = e.cycleId().value();
        cycle.title = e.title();
        cycle.startedAt = at;
        cycles.add(cycle);
        enter(cycle, Phase.PLANNING, at);
    }

    private void on(LearningGoalSet e, Instant at) {
        requireKnownCycle(e, at);
        Goal goal = new Goal();
        goal.cycleId = e.cycleId().value();
        goal.goalId = e.goalId().value();
        goals.add(goal);
    }

    private void on(ActivityCarriedOut e, Instant at) {
        Cycle cycle = cycle(e);
        if (cycle.phase == Phase.PLANNING) {
            enter(cycle, Phase.ACTING, at);
        }
    }

    private void on(SignOfLearningDocumented e, Instant at) {
        Cycle cycle = cycle(e);
        signs++;
        cycle.signs++;
        countWeek(LocalDate.ofInstant(at, ZONE));
        lastSignDocumentedAt = at;
        if (lastSignObservedOn == null || e.observedOn().isAfter(lastSignObservedOn)) {
            lastSignObservedOn = e.observedOn();
        }
        if (cycle.phase == Phase.PLANNING) {
            enter(cycle, Phase.ACTING, at);
        }
    }

    private void on(GoalAttainmentAssessed e, Instant at) {
        Cycle cycle = cycle(e);
        goals.stream().filter(g -> g.goalId.equals(e.goalId().value())).findFirst()
                .ifPresent(g -> g.attainment = e.attainment().name());
        if (cycle.phase == Phase.PLANNING || cycle.phase == Phase.ACTING) {
            enter(cycle, Phase.EVALUATING, at);
        }
    }

    private void on(FeedbackGiven e, Instant at) {
        requireKnownCycle(e, at);
        Feedback given = new Feedback();
        given.feedbackId = e.feedbackId().value();
        given.cycleId = e.cycleId().value();
        given.givenAt = at;
        feedback.add(given);
    }

    private void on(FeedbackResponded e, Instant at) {
        requireKnownCycle(e, at);
        feedback.stream().filter(f -> f.feedbackId.equals(e.feedbackId().value())).findFirst()
                .ifPresent(f -> f.respondedAt = at);
    }

    private void on(LearningCycleCompleted e, Instant at) {
        enter(cycle(e), Phase.COMPLETED, at);
    }

    private void on(LearningCycleAbandoned e, Instant at) {
        enter(cycle(e), Phase.ABANDONED, at);
    }

    private void requireKnownCycle(LearningCycleEvent event, Instant at) {
        cycle(event);
    }

    /**
     * The event's cycle, which its start put here (the aggregate applies no event before it); an unknown one means
     * this view is out of step with the event store.
     */
    private Cycle cycle(LearningCycleEvent event) {
        String cycleId = event.cycleId().value();
        return cycles.stream().filter(c -> c.cycleId.equals(cycleId)).findFirst().orElseThrow(() ->
                new IllegalStateException("event of unknown cycle " + cycleId + " for team " + teamId));
    }

    private static void on(Module module, ModuleAnswerSubmitted e, Instant at) {
        module.status = ModuleStatus.SUBMITTED;
        module.latestVersion = e.version();
    }

    private static void on(Module module, ModuleFeedbackGiven e, Instant at) {
        if (e.version() == module.latestVersion) {
            module.status = ModuleStatus.FEEDBACK_GIVEN;
        }
    }

    private static void on(Module module, ModuleAnswerApproved e, Instant at) {
        module.status = ModuleStatus.APPROVED;
    }

    private void countWeek(LocalDate day) {
        String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        WeekCount count = signsPerWeek.stream().filter(w -> w.week.equals(week)).findFirst().orElseGet(() -> {
            WeekCount created = new WeekCount();
            created.week = week;
            signsPerWeek.add(created);
            signsPerWeek.sort(Comparator.comparing(w -> w.week));
            return created;
        });
        count.count++;
    }

    private static void enter(Cycle cycle, Phase phase, Instant at) {
        cycle.phase = phase;
        cycle.phaseSince = at;
    }

    // ---------------------------------------------------------------- figures

    /** Goal attainment over the goals of these cycles (abandoned cycles are left out: they were never evaluated). */
    public GoalCounts goalCounts(List<Cycle> of) {
        List<String> ids = of.stream().map(c -> c.cycleId).toList();
        List<Goal> counted = goals.stream().filter(g -> ids.contains(g.cycleId)).toList();
        return new GoalCounts(counted.size(),
                (int) counted.stream().filter(g -> g.attainment != null).count(),
                count(counted, "ACHIEVED"), count(counted, "PARTLY"), count(counted, "NOT_YET"));
    }

    public List<Cycle> activeCycles() {
        return cycles.stream().filter(c -> c.phase != Phase.COMPLETED && c.phase != Phase.ABANDONED).toList();
    }

    public List<Cycle> completedCycles() {
        return cycles.stream().filter(c -> c.phase == Phase.COMPLETED).toList();
    }

    /** The key figures an institution and a municipality compare their teams by. */
    public TeamFigures figures() {
        List<Cycle> counted = new ArrayList<>(activeCycles());
        counted.addAll(completedCycles());
        return new TeamFigures(teamId, activeCycles().size(), completedCycles().size(), goalCounts(counted), signs,
                lastSignDocumentedAt, lastSignObservedOn, feedback.size(),
                (int) feedback.stream().filter(f -> f.respondedAt == null).count());
    }

    /** Median hours from feedback to the team's response, over answered feedback; null if none is answered. */
    public Double medianResponseHours() {
        return Median.hours(feedback.stream().filter(f -> f.respondedAt != null)
                .map(f -> java.time.Duration.between(f.givenAt, f.respondedAt)).toList());
    }

    private static int count(List<Goal> goals, String attainment) {
        return (int) goals.stream().filter(g -> Objects.equals(g.attainment, attainment)).count();
    }
}
