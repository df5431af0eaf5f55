package dk.laeringsledelse.query.timeline;

import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.cycle.ActivityCancelled;
import dk.laeringsledelse.kernel.cycle.ActivityCarriedOut;
import dk.laeringsledelse.kernel.cycle.ActivityPlanned;
import dk.laeringsledelse.kernel.cycle.Attainment;
import dk.laeringsledelse.kernel.cycle.EvidenceKind;
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
import dk.laeringsledelse.query.support.EventMapping;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventMessage;

/**
 * The pure mapping event → timeline entry, shared by the projection and by anything that needs a timeline from a
 * list of events in memory (e.g. "the timeline as of a moment"). No I/O, no clock: the same event with the same
 * earlier events of its cycle always gives the same entry.
 *
 * <p>Summaries say in Danish what happened, as a leader reads it ("Aktivitet 'Højtlæsning i små grupper'
 * gennemført den 2026-01-21"), built from structured fields and from the titles of the cycle, its goals and its
 * activities that earlier events of the same cycle gave ({@link CycleTitles}); ids are never shown. Titles are cut
 * to {@value #MAX_QUOTED} characters. Free texts that may describe a child (data-basis findings, observations, notes,
 * reasons, rationales, feedback, responses, reflections, summaries) are never quoted.
 */
public final class TimelineEntries {

    /** The longest piece of a title or description quoted in a summary. */
    public static final int MAX_QUOTED = 80;

    static final String ANONYMOUS = "anonymous";

    /** Each event's step, by its type. */
    private static final EventMapping<LearningCycleEvent, CycleTitles, Step> STEPS =
            EventMapping.<LearningCycleEvent, CycleTitles, Step>of(LearningCycleEvent.class)
                    .on(LearningCycleStarted.class, TimelineEntries::started)
                    .on(LearningGoalSet.class, TimelineEntries::goalSet)
                    .on(LearningGoalRevised.class, TimelineEntries::goalRevised)
                    .on(ActivityPlanned.class, TimelineEntries::activityPlanned)
                    .on(ActivityCarriedOut.class, TimelineEntries::activityCarriedOut)
                    .on(ActivityCancelled.class, TimelineEntries::activityCancelled)
                    .on(SignOfLearningDocumented.class, TimelineEntries::signDocumented)
                    .on(GoalAttainmentAssessed.class, TimelineEntries::goalAssessed)
                    .on(FeedbackGiven.class, TimelineEntries::feedbackGiven)
                    .on(FeedbackResponded.class, TimelineEntries::feedbackResponded)
                    .on(ReflectionRecorded.class, TimelineEntries::reflectionRecorded)
                    .on(LearningCycleCompleted.class, TimelineEntries::completed)
                    .on(LearningCycleAbandoned.class, TimelineEntries::abandoned)
                    .build();

    private TimelineEntries() {
    }

    /**
     * The timeline entry for an event message, or empty when the payload is not a learning-cycle event this
     * timeline knows. {@code titles} holds what the cycle's earlier events named (the caller notes this one's after).
     */
    static Optional<TimelineEntry> of(EventMessage<?> message, CycleTitles titles) {
        if (!(message.getPayload() instanceof LearningCycleEvent event)) {
            return Optional.empty();
        }
        return Optional.ofNullable(STEPS.apply(event, titles))
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

    /** Timeline entries of many events (in the order they happened), in timeline order; non-steps are left out. */
    public static List<TimelineEntry> ofAll(List<? extends EventMessage<?>> messages) {
        Map<String, CycleTitles> titles = new HashMap<>();
        List<TimelineEntry> entries = new ArrayList<>();
        for (EventMessage<?> message : messages) {
            if (message.getPayload() instanceof LearningCycleEvent event) {
                CycleTitles known = titles.computeIfAbsent(event.cycleId().value(), cycle -> new CycleTitles());
                of(message, known).ifPresent(entries::add);
                known.note(event);
            }
        }
        entries.sort(TimelineEntry.ORDER);
        return List.copyOf(entries);
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

    private static Step started(LearningCycleStarted e, CycleTitles titles) {
        String period = e.plannedPeriod() == null ? ""
                : " (planlagt " + e.plannedPeriod().start() + " til " + e.plannedPeriod().end() + ")";
        return Step.of(TimelineEntryKind.CYCLE_STARTED, "Forløb " + quoted(e.title()) + " startet" + period);
    }

    private static Step goalSet(LearningGoalSet e, CycleTitles titles) {
        String theme = e.curriculumTheme() == null ? "" : " (tema " + e.curriculumTheme() + ")";
        return new Step(TimelineEntryKind.GOAL_SET, "Læringsmål " + quoted(e.description()) + " sat" + theme,
                id(e.goalId()), null, null, null, null, null);
    }

    private static Step goalRevised(LearningGoalRevised e, CycleTitles titles) {
        String summary = e.description() != null
                ? "Læringsmål " + named(titles.goal(e.goalId())) + "revideret til " + quoted(e.description())
                : "Læringsmål " + named(titles.goal(e.goalId())) + "revideret";
        if (e.expectedSigns() != null) {
            summary += "; forventede tegn revideret (" + count(e.expectedSigns().size(), "tegn", "tegn") + ")";
        }
        return new Step(TimelineEntryKind.GOAL_REVISED, summary, id(e.goalId()), null, null, null, null, null);
    }

    private static Step activityPlanned(ActivityPlanned e, CycleTitles titles) {
        List<String> goals = e.goalIds() == null ? List.of()
                : e.goalIds().stream().filter(Objects::nonNull).map(Object::toString).toList();
        String onlyGoal = goals.size() == 1 ? titles.goal(goals.get(0)) : null;
        String forGoals = goals.isEmpty() ? ""
                : onlyGoal != null ? " for målet '" + onlyGoal + "'"
                : " for " + goals.size() + " mål";
        String summary = "Aktivitet " + quoted(e.description()) + " planlagt"
                + (e.plannedDate() == null ? "" : " til " + e.plannedDate()) + forGoals;
        // The first goal is the one the entry links to; all goals are counted in the summary.
        return new Step(TimelineEntryKind.ACTIVITY_PLANNED, summary,
                goals.isEmpty() ? null : goals.get(0), id(e.activityId()), null, null, null, e.plannedDate());
    }

    private static Step activityCarriedOut(ActivityCarriedOut e, CycleTitles titles) {
        return new Step(TimelineEntryKind.ACTIVITY_CARRIED_OUT,
                "Aktivitet " + named(titles.activity(e.activityId())) + "gennemført"
                        + (e.carriedOutOn() == null ? "" : " den " + e.carriedOutOn()),
                null, id(e.activityId()), null, null, null, e.carriedOutOn());
    }

    private static Step activityCancelled(ActivityCancelled e, CycleTitles titles) {
        return new Step(TimelineEntryKind.ACTIVITY_CANCELLED,
                "Aktivitet " + named(titles.activity(e.activityId())) + "aflyst",
                null, id(e.activityId()), null, null, null, null);
    }

    private static Step signDocumented(SignOfLearningDocumented e, CycleTitles titles) {
        StringBuilder summary = new StringBuilder("Tegn på læring dokumenteret");
        String goal = titles.goal(e.goalId());
        if (goal != null) {
            summary.append(" for målet '").append(goal).append("'");
        }
        String activity = titles.activity(e.activityId());
        if (activity != null) {
            summary.append(" i aktiviteten '").append(activity).append("'");
        }
        if (e.matchedExpectedSign() != null) {
            summary.append(", svarer til forventet tegn ").append(e.matchedExpectedSign() + 1);
        }
        String details = joinNonBlank(
                e.evidenceKind() == null ? null : evidence(e.evidenceKind()),
                e.childIds() == null || e.childIds().isEmpty() ? null : count(e.childIds().size(), "barn", "børn"));
        if (!details.isEmpty()) {
            summary.append(" (").append(details).append(")");
        }
        return new Step(TimelineEntryKind.SIGN_DOCUMENTED, summary.toString(), id(e.goalId()),
                id(e.activityId()), id(e.signId()), null, null, e.observedOn());
    }

    private static Step goalAssessed(GoalAttainmentAssessed e, CycleTitles titles) {
        int signs = e.signIds() == null ? 0 : e.signIds().size();
        return new Step(TimelineEntryKind.GOAL_ASSESSED,
                "Læringsmål " + named(titles.goal(e.goalId())) + "vurderet: " + attainment(e.attainment())
                        + " (ud fra " + count(signs, "tegn", "tegn") + ")",
                id(e.goalId()), null, null, id(e.assessmentId()), null, null);
    }

    private static Step feedbackResponded(FeedbackResponded e, CycleTitles titles) {
        String author = titles.feedbackAuthor(e.feedbackId());
        return new Step(TimelineEntryKind.FEEDBACK_RESPONDED,
                "Teamet svarede på feedback" + (author == null ? "" : " fra " + role(author)),
                null, null, null, null, id(e.feedbackId()), null);
    }

    private static Step reflectionRecorded(ReflectionRecorded e, CycleTitles titles) {
        return Step.of(TimelineEntryKind.REFLECTION_RECORDED, "Refleksion registreret");
    }

    private static Step completed(LearningCycleCompleted e, CycleTitles titles) {
        return Step.of(TimelineEntryKind.CYCLE_COMPLETED, "Forløb " + named(titles.cycle()) + "afsluttet");
    }

    private static Step abandoned(LearningCycleAbandoned e, CycleTitles titles) {
        return Step.of(TimelineEntryKind.CYCLE_ABANDONED, "Forløb " + named(titles.cycle()) + "opgivet");
    }

    private static Step feedbackGiven(FeedbackGiven e, CycleTitles titles) {
        String by = e.authorRole() == null ? "" : " fra " + role(e.authorRole().name());
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
                case CYCLE -> " på forløbet";
                case GOAL -> titles.goal(ref) == null ? " på et læringsmål" : " på målet '" + titles.goal(ref) + "'";
                case ACTIVITY -> titles.activity(ref) == null ? " på en aktivitet"
                        : " på aktiviteten '" + titles.activity(ref) + "'";
                case SIGN -> " på et tegn på læring";
                case ASSESSMENT -> " på en vurdering af målopfyldelse";
            };
        }
        return new Step(TimelineEntryKind.FEEDBACK_GIVEN, "Feedback" + by + on,
                goalId, activityId, signId, assessmentId, id(e.feedbackId()), null);
    }

    /** 'title' from an event's own field. */
    private static String quoted(String text) {
        return "'" + quote(text) + "'";
    }

    /** "'title' " when an earlier event named it, else nothing (never an id). */
    private static String named(String title) {
        return title == null ? "" : "'" + title + "' ";
    }

    private static String attainment(Attainment attainment) {
        if (attainment == null) {
            return "uden vurdering";
        }
        return switch (attainment) {
            case ACHIEVED -> "nået";
            case PARTLY -> "delvist nået";
            case NOT_YET -> "endnu ikke nået";
        };
    }

    private static String evidence(EvidenceKind kind) {
        return switch (kind) {
            case OBSERVATION -> "observation";
            case CHILDS_WORK -> "barnets produkt";
            case PHOTO_VIDEO_REFERENCE -> "foto eller video";
            case CONVERSATION -> "samtale";
            case OTHER -> "andet";
        };
    }

    /** RESOURCE_PERSON → "ressourceperson". */
    private static String role(String authorRole) {
        return switch (authorRole) {
            case "RESOURCE_PERSON" -> "ressourceperson";
            case "LEADER" -> "leder";
            case "PEER" -> "kollega";
            default -> authorRole.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
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

    private static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    private static String joinNonBlank(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(", "));
    }
}
