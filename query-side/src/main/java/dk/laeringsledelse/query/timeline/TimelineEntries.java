package dk.laeringsledelse.query.timeline;

import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.cycle.ActivityCancelled;
import dk.laeringsledelse.kernel.cycle.ActivityCarriedOut;
import dk.laeringsledelse.kernel.cycle.ActivityPlanned;
import dk.laeringsledelse.kernel.cycle.FeedbackAbout;
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
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventMessage;

/**
 * The pure mapping event → timeline entry, shared by the projection and by anything that needs a timeline from a
 * list of events in memory (e.g. "the timeline as of a moment"). No I/O, no clock: the same event always gives the
 * same entry.
 *
 * <p>Summaries are short English texts built from structured fields only. Titles and descriptions of cycles, goals
 * and activities are shown cut to {@value #MAX_QUOTED} characters; free texts that may describe a child
 * (data-basis findings, observations, notes, reasons, rationales, feedback, responses, reflections, summaries)
 * are never quoted.
 */
public final class TimelineEntries {

    /** The longest piece of a title or description quoted in a summary. */
    public static final int MAX_QUOTED = 80;

    static final String ANONYMOUS = "anonymous";

    private TimelineEntries() {
    }

    /**
     * The timeline entry for an event message, or empty when the payload is not a learning-cycle event this
     * timeline knows.
     */
    public static Optional<TimelineEntry> of(EventMessage<?> message) {
        if (!(message.getPayload() instanceof LearningCycleEvent event)) {
            return Optional.empty();
        }
        return Optional.ofNullable(step(event))
                .map(step -> new TimelineEntry(
                        message.getIdentifier(),
                        event.teamId().value(),
                        // Millisecond precision: what a BSON date (and a replay from a store keeping millis) holds,
                        // so that a rebuilt timeline equals the live one.
                        message.getTimestamp().truncatedTo(ChronoUnit.MILLIS),
                        step.kind,
                        actorOf(message),
                        step.summary,
                        event.cycleId().value(),
                        step.goalId,
                        step.activityId,
                        step.signId,
                        step.assessmentId,
                        step.feedbackId,
                        step.occurredOn));
    }

    /** Timeline entries of many events, in timeline order; events that are no timeline step are left out. */
    public static List<TimelineEntry> ofAll(List<? extends EventMessage<?>> messages) {
        return messages.stream().map(TimelineEntries::of).flatMap(Optional::stream)
                .sorted(TimelineEntry.ORDER).toList();
    }

    static String actorOf(EventMessage<?> message) {
        Object actor = message.getMetaData().get(MetaDataKeys.ACTOR);
        return actor == null || actor.toString().isBlank() ? ANONYMOUS : actor.toString();
    }

    /** The kind-specific part of an entry. */
    private record Step(TimelineEntryKind kind, String summary, String goalId, String activityId, String signId,
                        String assessmentId, String feedbackId, LocalDate occurredOn) {

        static Step of(TimelineEntryKind kind, String summary) {
            return new Step(kind, summary, null, null, null, null, null, null);
        }
    }

    private static Step step(LearningCycleEvent event) {
        if (event instanceof LearningCycleStarted e) {
            String period = e.plannedPeriod() == null ? ""
                    : " (planned " + e.plannedPeriod().start() + " to " + e.plannedPeriod().end() + ")";
            return Step.of(TimelineEntryKind.CYCLE_STARTED, "Cycle started: " + quote(e.title()) + period);
        }
        if (event instanceof LearningGoalSet e) {
            String theme = e.curriculumTheme() == null ? "" : " (theme " + e.curriculumTheme() + ")";
            return new Step(TimelineEntryKind.GOAL_SET, "Goal set: " + quote(e.description()) + theme,
                    id(e.goalId()), null, null, null, null, null);
        }
        if (event instanceof LearningGoalRevised e) {
            String summary = e.description() != null
                    ? "Goal revised: " + quote(e.description())
                    : "Goal " + id(e.goalId()) + " revised";
            if (e.expectedSigns() != null) {
                summary += "; expected signs revised (" + count(e.expectedSigns().size(), "sign") + ")";
            }
            return new Step(TimelineEntryKind.GOAL_REVISED, summary, id(e.goalId()), null, null, null, null, null);
        }
        if (event instanceof ActivityPlanned e) {
            List<String> goals = e.goalIds() == null ? List.of()
                    : e.goalIds().stream().filter(Objects::nonNull).map(Object::toString).toList();
            String summary = "Activity planned: " + quote(e.description())
                    + (e.plannedDate() == null ? "" : " for " + e.plannedDate())
                    + (goals.isEmpty() ? "" : " (" + (goals.size() == 1 ? "goal " : "goals ") + String.join(", ", goals) + ")");
            // The first goal is the one the entry links to; all goals are named in the summary.
            return new Step(TimelineEntryKind.ACTIVITY_PLANNED, summary, goals.isEmpty() ? null : goals.get(0),
                    id(e.activityId()), null, null, null, e.plannedDate());
        }
        if (event instanceof ActivityCarriedOut e) {
            return new Step(TimelineEntryKind.ACTIVITY_CARRIED_OUT,
                    "Activity " + id(e.activityId()) + " carried out" + (e.carriedOutOn() == null ? "" : " on " + e.carriedOutOn()),
                    null, id(e.activityId()), null, null, null, e.carriedOutOn());
        }
        if (event instanceof ActivityCancelled e) {
            return new Step(TimelineEntryKind.ACTIVITY_CANCELLED, "Activity " + id(e.activityId()) + " cancelled",
                    null, id(e.activityId()), null, null, null, null);
        }
        if (event instanceof SignOfLearningDocumented e) {
            StringBuilder summary = new StringBuilder("Sign of learning documented for goal ").append(id(e.goalId()));
            if (e.activityId() != null) {
                summary.append(" in activity ").append(id(e.activityId()));
            }
            if (e.matchedExpectedSign() != null) {
                summary.append(", matching expected sign ").append(e.matchedExpectedSign() + 1);
            }
            String details = joinNonBlank(
                    e.evidenceKind() == null ? null : words(e.evidenceKind().name()),
                    e.childIds() == null || e.childIds().isEmpty() ? null : count(e.childIds().size(), "child"));
            if (!details.isEmpty()) {
                summary.append(" (").append(details).append(")");
            }
            return new Step(TimelineEntryKind.SIGN_DOCUMENTED, summary.toString(), id(e.goalId()),
                    id(e.activityId()), id(e.signId()), null, null, e.observedOn());
        }
        if (event instanceof GoalAttainmentAssessed e) {
            int signs = e.signIds() == null ? 0 : e.signIds().size();
            return new Step(TimelineEntryKind.GOAL_ASSESSED,
                    "Goal assessed: " + e.attainment() + " (goal " + id(e.goalId()) + ", based on " + count(signs, "sign") + ")",
                    id(e.goalId()), null, null, id(e.assessmentId()), null, null);
        }
        if (event instanceof FeedbackGiven e) {
            return feedbackGiven(e);
        }
        if (event instanceof FeedbackResponded e) {
            return new Step(TimelineEntryKind.FEEDBACK_RESPONDED, "Team responded to feedback " + id(e.feedbackId()),
                    null, null, null, null, id(e.feedbackId()), null);
        }
        if (event instanceof ReflectionRecorded e) {
            return Step.of(TimelineEntryKind.REFLECTION_RECORDED,
                    "Reflection recorded" + (e.reflectionId() == null ? "" : " (" + e.reflectionId() + ")"));
        }
        if (event instanceof LearningCycleCompleted) {
            return Step.of(TimelineEntryKind.CYCLE_COMPLETED, "Cycle completed");
        }
        if (event instanceof LearningCycleAbandoned) {
            return Step.of(TimelineEntryKind.CYCLE_ABANDONED, "Cycle abandoned");
        }
        return null;
    }

    private static Step feedbackGiven(FeedbackGiven e) {
        String by = e.authorRole() == null ? "" : " by " + words(e.authorRole().name());
        FeedbackAbout about = e.about();
        String goalId = null;
        String activityId = null;
        String signId = null;
        String assessmentId = null;
        String on;
        if (about == null || about.kind() == null) {
            on = "";
        } else {
            String ref = about.referenceId();
            switch (about.kind()) {
                case GOAL -> goalId = ref;
                case ACTIVITY -> activityId = ref;
                case SIGN -> signId = ref;
                case ASSESSMENT -> assessmentId = ref;
                case CYCLE -> { }
            }
            on = switch (about.kind()) {
                case CYCLE -> " on the cycle";
                case GOAL -> " on goal " + ref;
                case ACTIVITY -> " on activity " + ref;
                case SIGN -> " on sign " + ref;
                case ASSESSMENT -> " on assessment " + ref;
            };
        }
        return new Step(TimelineEntryKind.FEEDBACK_GIVEN, "Feedback given" + by + on,
                goalId, activityId, signId, assessmentId, id(e.feedbackId()), null);
    }

    /** A title or description on one line, cut to {@value #MAX_QUOTED} characters (code points) with an ellipsis. */
    static String quote(String text) {
        if (text == null || text.isBlank()) {
            return "(untitled)";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= MAX_QUOTED) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, MAX_QUOTED)).stripTrailing() + "…";
    }

    private static String id(Object typedId) {
        return typedId == null ? null : typedId.toString();
    }

    private static String count(int n, String noun) {
        String plural = noun.equals("child") ? "children" : noun + "s";
        return n + " " + (n == 1 ? noun : plural);
    }

    /** RESOURCE_PERSON → "resource person". */
    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String joinNonBlank(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(", "));
    }
}
