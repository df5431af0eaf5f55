package dk.laeringsledelse.query.cycleview;

import dk.laeringsledelse.kernel.MetaDataKeys;
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
import dk.laeringsledelse.query.cycleview.LearningCycleView.Activity;
import dk.laeringsledelse.query.cycleview.LearningCycleView.Feedback;
import dk.laeringsledelse.query.cycleview.LearningCycleView.Goal;
import dk.laeringsledelse.query.cycleview.LearningCycleView.Phase;
import dk.laeringsledelse.query.cycleview.LearningCycleView.PhaseChange;
import dk.laeringsledelse.query.cycleview.LearningCycleView.Sign;
import dk.laeringsledelse.query.support.EventHandlers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one place that turns learning-cycle events into a {@link LearningCycleView}: a pure function of the view and
 * the event, used by the projection (and usable over any list of events, e.g. to show a cycle as of a moment).
 */
public final class LearningCycleViews {

    private static final EventHandlers<LearningCycleView, LearningCycleEvent, Change> HANDLERS =
            EventHandlers.<LearningCycleView, LearningCycleEvent, Change>of(LearningCycleEvent.class)
                    .on(LearningCycleStarted.class, LearningCycleViews::on)
                    .on(LearningGoalSet.class, LearningCycleViews::on)
                    .on(LearningGoalRevised.class, LearningCycleViews::on)
                    .on(ActivityPlanned.class, LearningCycleViews::on)
                    .on(ActivityCarriedOut.class, LearningCycleViews::on)
                    .on(ActivityCancelled.class, LearningCycleViews::on)
                    .on(SignOfLearningDocumented.class, LearningCycleViews::on)
                    .on(GoalAttainmentAssessed.class, LearningCycleViews::on)
                    .on(FeedbackGiven.class, LearningCycleViews::on)
                    .on(FeedbackResponded.class, LearningCycleViews::on)
                    .on(ReflectionRecorded.class, LearningCycleViews::on)
                    .on(LearningCycleCompleted.class, LearningCycleViews::on)
                    .on(LearningCycleAbandoned.class, LearningCycleViews::on)
                    .build();

    /** When the event happened and who acted: what every handler may record. */
    private record Change(Instant at, String by) {
    }

    private LearningCycleViews() {
    }

    /**
     * Applies one event, unless its sequence number shows it was applied already.
     *
     * @return whether the view changed
     */
    public static boolean apply(LearningCycleView view, LearningCycleEvent event, long sequenceNumber,
                                Instant at, Map<String, ?> metaData) {
        if (sequenceNumber <= view.version) {
            return false; // re-delivered after a crash: already in the view
        }
        HANDLERS.apply(view, event, new Change(at, Objects.toString(metaData.get(MetaDataKeys.ACTOR), "anonymous")));
        view.version = sequenceNumber;
        view.lastChangedAt = at;
        return true;
    }

    private static void on(LearningCycleView view, LearningCycleStarted e, Change change) {
        view.id = e.cycleId().value();
        view.teamId = e.teamId().value();
        view.title = e.title();
        view.plannedStart = e.plannedPeriod().start();
        view.plannedEnd = e.plannedPeriod().end();
        view.dataFindings = e.dataBasis() == null ? null : e.dataBasis().findings();
        view.dataSources = e.dataBasis() == null ? null : e.dataBasis().sources();
        view.startedAt = change.at();
        view.startedBy = change.by();
        enter(view, Phase.PLANNING, change.at());
    }

    private static void on(LearningCycleView view, LearningGoalSet e, Change change) {
        Goal goal = new Goal();
        goal.goalId = e.goalId().value();
        goal.description = e.description();
        goal.curriculumTheme = e.curriculumTheme();
        goal.targetGroup = new LearningCycleView.TargetGroup(e.targetGroup().kind().name(),
                e.targetGroup().description(), ids(e.targetGroup().childIds()));
        goal.expectedSigns = new ArrayList<>(e.expectedSigns());
        goal.adaptation = e.adaptation();
        goal.setAt = change.at();
        goal.setBy = change.by();
        view.goals.add(goal);
    }

    private static void on(LearningCycleView view, LearningGoalRevised e, Change change) {
        Goal goal = goal(view, e.goalId().value());
        if (e.description() != null) {
            goal.description = e.description();
        }
        if (e.expectedSigns() != null) {
            goal.expectedSigns = new ArrayList<>(e.expectedSigns());
        }
        goal.revisions.add(new LearningCycleView.Revision(e.description(), e.expectedSigns(), e.reason(),
                change.at(), change.by()));
    }

    private static void on(LearningCycleView view, ActivityPlanned e, Change change) {
        Activity activity = new Activity();
        activity.activityId = e.activityId().value();
        activity.goalIds = ids(e.goalIds());
        activity.description = e.description();
        activity.methodAndOrganisation = e.methodAndOrganisation();
        activity.plannedDate = e.plannedDate();
        activity.adaptation = e.adaptation();
        activity.status = "PLANNED";
        activity.plannedAt = change.at();
        activity.plannedBy = change.by();
        view.activities.add(activity);
    }

    private static void on(LearningCycleView view, ActivityCarriedOut e, Change change) {
        Activity activity = activity(view, e.activityId().value());
        activity.status = "CARRIED_OUT";
        activity.carriedOutOn = e.carriedOutOn();
        activity.notes = e.notes();
        if (view.phase == Phase.PLANNING) {
            enter(view, Phase.ACTING, change.at());
        }
    }

    private static void on(LearningCycleView view, ActivityCancelled e, Change change) {
        Activity activity = activity(view, e.activityId().value());
        activity.status = "CANCELLED";
        activity.cancelReason = e.reason();
    }

    private static void on(LearningCycleView view, SignOfLearningDocumented e, Change change) {
        Goal goal = goal(view, e.goalId().value());
        Sign sign = new Sign();
        sign.signId = e.signId().value();
        sign.goalId = goal.goalId;
        sign.activityId = e.activityId() == null ? null : e.activityId().value();
        sign.observedOn = e.observedOn();
        sign.observation = e.observation();
        sign.matchedExpectedSign = e.matchedExpectedSign();
        Integer matched = e.matchedExpectedSign();
        // the index refers to the expected signs as they read when the sign was documented
        sign.matchedExpectedSignText = matched != null && matched >= 0 && matched < goal.expectedSigns.size()
                ? goal.expectedSigns.get(matched) : null;
        sign.evidenceKind = e.evidenceKind().name();
        sign.childIds = ids(e.childIds());
        sign.documentedAt = change.at();
        sign.documentedBy = change.by();
        view.signs.add(sign);
        goal.signIds.add(sign.signId);
        if (view.phase == Phase.PLANNING) {
            enter(view, Phase.ACTING, change.at());
        }
    }

    private static void on(LearningCycleView view, GoalAttainmentAssessed e, Change change) {
        Goal goal = goal(view, e.goalId().value());
        goal.assessments.add(new LearningCycleView.Assessment(e.assessmentId().value(), e.attainment().name(),
                e.rationale(), ids(e.signIds()), change.at(), change.by()));
        goal.currentAttainment = e.attainment().name();
        if (view.phase == Phase.PLANNING || view.phase == Phase.ACTING) {
            enter(view, Phase.EVALUATING, change.at());
        }
    }

    private static void on(LearningCycleView view, FeedbackGiven e, Change change) {
        Feedback feedback = new Feedback();
        feedback.feedbackId = e.feedbackId().value();
        feedback.aboutKind = e.about().kind().name();
        feedback.aboutId = e.about().referenceId();
        feedback.authorRole = e.authorRole().name();
        feedback.author = change.by();
        feedback.text = e.text();
        feedback.givenAt = change.at();
        view.feedback.add(feedback);
    }

    private static void on(LearningCycleView view, FeedbackResponded e, Change change) {
        Feedback feedback = view.feedback.stream().filter(f -> f.feedbackId.equals(e.feedbackId().value()))
                .findFirst().orElseThrow(() -> missing("feedback", e.feedbackId().value(), view));
        feedback.response = new LearningCycleView.Response(e.text(), change.at(), change.by());
    }

    private static void on(LearningCycleView view, ReflectionRecorded e, Change change) {
        view.reflections.add(new LearningCycleView.Reflection(e.reflectionId().value(), e.practiceLearnings(),
                e.plannedAdjustments(), change.at(), change.by()));
    }

    private static void on(LearningCycleView view, LearningCycleCompleted e, Change change) {
        view.summary = e.summary();
        view.nextSteps = e.nextSteps();
        enter(view, Phase.COMPLETED, change.at());
    }

    private static void on(LearningCycleView view, LearningCycleAbandoned e, Change change) {
        view.abandonReason = e.reason();
        enter(view, Phase.ABANDONED, change.at());
    }

    private static void enter(LearningCycleView view, Phase phase, Instant at) {
        view.phase = phase;
        view.phaseHistory.add(new PhaseChange(phase, at));
    }

    private static Goal goal(LearningCycleView view, String goalId) {
        return view.goals.stream().filter(g -> g.goalId.equals(goalId)).findFirst()
                .orElseThrow(() -> missing("goal", goalId, view));
    }

    private static Activity activity(LearningCycleView view, String activityId) {
        return view.activities.stream().filter(a -> a.activityId.equals(activityId)).findFirst()
                .orElseThrow(() -> missing("activity", activityId, view));
    }

    private static IllegalStateException missing(String what, String id, LearningCycleView view) {
        // the aggregate refuses such events, so this means the view is out of step with the event store
        return new IllegalStateException("event refers to unknown " + what + " " + id + " in cycle " + view.id);
    }

    private static List<String> ids(List<?> ids) {
        return ids == null ? new ArrayList<>() : new ArrayList<>(ids.stream().map(Object::toString).toList());
    }
}
