package dk.laeringsledelse.query.timeline;

import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.cycle.ActivityCancelled;
import dk.laeringsledelse.kernel.cycle.ActivityCarriedOut;
import dk.laeringsledelse.kernel.cycle.ActivityId;
import dk.laeringsledelse.kernel.cycle.ActivityPlanned;
import dk.laeringsledelse.kernel.cycle.AssessmentId;
import dk.laeringsledelse.kernel.cycle.Attainment;
import dk.laeringsledelse.kernel.cycle.AuthorRole;
import dk.laeringsledelse.kernel.cycle.ChildId;
import dk.laeringsledelse.kernel.cycle.CycleId;
import dk.laeringsledelse.kernel.cycle.DataBasis;
import dk.laeringsledelse.kernel.cycle.EvidenceKind;
import dk.laeringsledelse.kernel.cycle.FeedbackAbout;
import dk.laeringsledelse.kernel.cycle.FeedbackGiven;
import dk.laeringsledelse.kernel.cycle.FeedbackId;
import dk.laeringsledelse.kernel.cycle.FeedbackResponded;
import dk.laeringsledelse.kernel.cycle.GoalAttainmentAssessed;
import dk.laeringsledelse.kernel.cycle.GoalId;
import dk.laeringsledelse.kernel.cycle.LearningCycleAbandoned;
import dk.laeringsledelse.kernel.cycle.LearningCycleCompleted;
import dk.laeringsledelse.kernel.cycle.LearningCycleStarted;
import dk.laeringsledelse.kernel.cycle.LearningGoalRevised;
import dk.laeringsledelse.kernel.cycle.LearningGoalSet;
import dk.laeringsledelse.kernel.cycle.PlannedPeriod;
import dk.laeringsledelse.kernel.cycle.ReflectionId;
import dk.laeringsledelse.kernel.cycle.ReflectionRecorded;
import dk.laeringsledelse.kernel.cycle.SignId;
import dk.laeringsledelse.kernel.cycle.SignOfLearningDocumented;
import dk.laeringsledelse.kernel.cycle.TargetGroup;
import dk.laeringsledelse.kernel.cycle.TeamId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;

/** Learning-cycle events of one team, as event messages, for the timeline tests. */
public final class TimelineTestData {

    static final TeamId TEAM = TeamId.of("team-1");
    static final CycleId CYCLE = CycleId.of("cycle-1");
    static final GoalId GOAL = GoalId.of("g1");
    static final ActivityId ACTIVITY = ActivityId.of("a1");
    static final SignId SIGN = SignId.of("s1");
    static final AssessmentId ASSESSMENT = AssessmentId.of("as1");
    static final FeedbackId FEEDBACK = FeedbackId.of("f1");
    static final String ACTOR = "user-42";
    /** Free text that describes a child: must never appear in a timeline. */
    static final String CHILD_TEXT = "Emma (4) hid under the table and would not speak to anyone";

    private TimelineTestData() {
    }

    static EventMessage<?> message(String id, Instant at, Object payload) {
        return new GenericEventMessage<>(id, payload, Map.of(MetaDataKeys.ACTOR, ACTOR), at);
    }

    static EventMessage<?> anonymousMessage(String id, Instant at, Object payload) {
        return new GenericEventMessage<>(id, payload, Map.of(), at);
    }

    static LearningCycleStarted cycleStarted() {
        return new LearningCycleStarted(CYCLE, TEAM, "Language in the nursery",
                new PlannedPeriod(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 27)),
                new DataBasis(CHILD_TEXT, "Profilanalyse T1 2025"));
    }

    static LearningGoalSet goalSet() {
        return new LearningGoalSet(CYCLE, TEAM, GOAL, "The children take part in conversations at circle time",
                "kommunikation-og-sprog", TargetGroup.wholeGroup(), List.of("asks questions", "waits for a turn"), null);
    }

    static LearningGoalRevised goalRevised() {
        return new LearningGoalRevised(CYCLE, TEAM, GOAL, null, List.of("asks questions"), CHILD_TEXT);
    }

    static ActivityPlanned activityPlanned() {
        return new ActivityPlanned(CYCLE, TEAM, ACTIVITY, List.of(GOAL, GoalId.of("g2")), "Dialogic reading in small groups",
                null, LocalDate.of(2026, 1, 20), CHILD_TEXT);
    }

    static ActivityCarriedOut activityCarriedOut() {
        return new ActivityCarriedOut(CYCLE, TEAM, ACTIVITY, LocalDate.of(2026, 1, 21), CHILD_TEXT);
    }

    static ActivityCancelled activityCancelled() {
        return new ActivityCancelled(CYCLE, TEAM, ACTIVITY, CHILD_TEXT);
    }

    static SignOfLearningDocumented signDocumented() {
        return new SignOfLearningDocumented(CYCLE, TEAM, SIGN, GOAL, ACTIVITY, LocalDate.of(2026, 1, 22), CHILD_TEXT,
                0, EvidenceKind.OBSERVATION, List.of(ChildId.of("c-7"), ChildId.of("c-9")));
    }

    static GoalAttainmentAssessed goalAssessed() {
        return new GoalAttainmentAssessed(CYCLE, TEAM, ASSESSMENT, GOAL, Attainment.PARTLY, CHILD_TEXT, List.of(SIGN));
    }

    static FeedbackGiven feedbackGiven() {
        return new FeedbackGiven(CYCLE, TEAM, FEEDBACK, FeedbackAbout.assessment(ASSESSMENT), AuthorRole.RESOURCE_PERSON,
                CHILD_TEXT);
    }

    static FeedbackResponded feedbackResponded() {
        return new FeedbackResponded(CYCLE, TEAM, FEEDBACK, CHILD_TEXT);
    }

    static ReflectionRecorded reflectionRecorded() {
        return new ReflectionRecorded(CYCLE, TEAM, ReflectionId.of("r1"), CHILD_TEXT, CHILD_TEXT);
    }

    static LearningCycleCompleted cycleCompleted() {
        return new LearningCycleCompleted(CYCLE, TEAM, CHILD_TEXT, CHILD_TEXT);
    }

    static LearningCycleAbandoned cycleAbandoned() {
        return new LearningCycleAbandoned(CYCLE, TEAM, CHILD_TEXT);
    }

    /** One event of every kind, a day apart from 2026-01-05 09:00 UTC (the last ones fall in February). */
    public static List<EventMessage<?>> everyKind() {
        List<Object> payloads = List.of(cycleStarted(), goalSet(), goalRevised(), activityPlanned(), activityCarriedOut(),
                activityCancelled(), signDocumented(), goalAssessed(), feedbackGiven(), feedbackResponded(),
                reflectionRecorded(), cycleCompleted(), cycleAbandoned());
        Instant start = Instant.parse("2026-01-05T09:00:00Z");
        return java.util.stream.IntStream.range(0, payloads.size())
                .<EventMessage<?>>mapToObj(i -> message("e" + (i + 1), start.plusSeconds(86_400L * 3 * i), payloads.get(i)))
                .toList();
    }
}
