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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one place that turns learning-cycle events into a {@link LearningCycleView}: a pure function of the view and
 * the event, used by the projection (and usable over any list of events, e.g. to show a cycle as of a moment).
 */
public final class LearningCycleViews {

    private LearningCycleViews() {
    }

    /**
     * Applies one event, unless its sequence number shows it was applied already.
     *
     * @return whether the view changed
     */
    public static boolean apply(LearningCycleView view, LearningCycleEvent event, long sequenceNumber,
                                Instant at, java.util.Map<String, ?> metaData) {
        if (sequenceNumber <= view.version) {
            return false; // re-delivered after a crash: already in the view
        }
        String by = Objects.toString(metaData.get(MetaDataKeys.ACTOR), "anonymous");
        if (event instanceof LearningCycleStarted e) {
            view.id = e.cycleId().value();
            view.teamId = e.teamId().value();
            view.title = e.title();
            view.plannedStart = e.plannedPeriod().start();
            view.plannedEnd = e.plannedPeriod().end();
            view.dataFindings = e.dataBasis() == null ? null : e.dataBasis().findings();
            view.dataSources = e.dataBasis() == null ? null : e.dataBasis().sources();
            view.startedAt = at;
            view.startedBy = by;
            enter(view, Phase.PLANNING, at);
        } else if (event instanceof LearningGoalSet e) {
            Goal goal = new Goal();
            goal.goalId = e.goalId().value();
            goal.description = e.description();
            goal.curriculumTheme = e.curriculumTheme();
            goal.targetGroup = new LearningCycleView.TargetGroup(e.targetGroup().kind().name(),
                    e.targetGroup().description(), ids(e.targetGroup().childIds()));
            goal.expectedSigns = new ArrayList<>(e.expectedSigns());
            goal.adaptation = e.adaptation();
            goal.setAt = at;
            goal.setBy = by;
            view.goals.add(goal);
        } else if (event instanceof LearningGoalRevised e) {
            Goal goal = goal(view, e.goalId().value());
            if (e.description() != null) {
                goal.description = e.description();
            }
            if (e.expectedSigns() != null) {
                goal.expectedSigns = new ArrayList<>(e.expectedSigns());
            }
            goal.revisions.add(new LearningCycleView.Revision(e.description(), e.expectedSigns(), e.reason(), at, by));
        } else if (event instanceof ActivityPlanned e) {
            Activity activity = new Activity();
            activity.activityId = e.activityId().value();
            activity.goalIds = ids(e.goalIds());
            activity.description = e.description();
            activity.methodAndOrganisation = e.methodAndOrganisation();
            activity.plannedDate = e.plannedDate();
            activity.adaptation = e.adaptation();
            activity.status = "PLANNED";
            activity.plannedAt = at;
            activity.plannedBy = by;
            view.activities.add(activity);
        } else if (event instanceof ActivityCarriedOut e) {
            Activity activity = activity(view, e.activityId().value());
            activity.status = "CARRIED_OUT";
            activity.carriedOutOn = e.carriedOutOn();
            activity.notes = e.notes();
            if (view.phase == Phase.PLANNING) {
                enter(view, Phase.ACTING, at);
            }
        } else if (event instanceof ActivityCancelled e) {
            Activity activity = activity(view, e.activityId().value());
            activity.status = "CANCELLED";
            activity.cancelReason = e.reason();
        } else if (event instanceof SignOfLearningDocumented e) {
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
            sign.documentedAt = at;
            sign.documentedBy = by;
            view.signs.add(sign);
            goal.signIds.add(sign.signId);
            if (view.phase == Phase.PLANNING) {
                enter(view, Phase.ACTING, at);
            }
        } else if (event instanceof GoalAttainmentAssessed e) {
            Goal goal = goal(view, e.goalId().value());
            goal.assessments.add(new LearningCycleView.Assessment(e.assessmentId().value(), e.attainment().name(),
                    e.rationale(), ids(e.signIds()), at, by));
            goal.currentAttainment = e.attainment().name();
            if (view.phase == Phase.PLANNING || view.phase == Phase.ACTING) {
                enter(view, Phase.EVALUATING, at);
            }
        } else if (event instanceof FeedbackGiven e) {
            Feedback feedback = new Feedback();
            feedback.feedbackId = e.feedbackId().value();
            feedback.aboutKind = e.about().kind().name();
            feedback.aboutId = e.about().referenceId();
            feedback.authorRole = e.authorRole().name();
            feedback.author = by;
            feedback.text = e.text();
            feedback.givenAt = at;
            view.feedback.add(feedback);
        } else if (event instanceof FeedbackResponded e) {
            Feedback feedback = view.feedback.stream().filter(f -> f.feedbackId.equals(e.feedbackId().value()))
                    .findFirst().orElseThrow(() -> missing("feedback", e.feedbackId().value(), view));
            feedback.response = new LearningCycleView.Response(e.text(), at, by);
        } else if (event instanceof ReflectionRecorded e) {
            view.reflections.add(new LearningCycleView.Reflection(e.reflectionId().value(), e.practiceLearnings(),
                    e.plannedAdjustments(), at, by));
        } else if (event instanceof LearningCycleCompleted e) {
            view.summary = e.summary();
            view.nextSteps = e.nextSteps();
            enter(view, Phase.COMPLETED, at);
        } else if (event instanceof LearningCycleAbandoned e) {
            view.abandonReason = e.reason();
            enter(view, Phase.ABANDONED, at);
        }
        view.version = sequenceNumber;
        view.lastChangedAt = at;
        return true;
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
