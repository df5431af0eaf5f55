package dk.laeringsledelse.command.cycle;

import dk.laeringsledelse.kernel.ErrorCode;
import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.kernel.cycle.AbandonLearningCycle;
import dk.laeringsledelse.kernel.cycle.ActivityCancelled;
import dk.laeringsledelse.kernel.cycle.ActivityCarriedOut;
import dk.laeringsledelse.kernel.cycle.ActivityId;
import dk.laeringsledelse.kernel.cycle.ActivityPlanned;
import dk.laeringsledelse.kernel.cycle.AssessGoalAttainment;
import dk.laeringsledelse.kernel.cycle.AssessmentId;
import dk.laeringsledelse.kernel.cycle.Attainment;
import dk.laeringsledelse.kernel.cycle.AuthorRole;
import dk.laeringsledelse.kernel.cycle.CancelActivity;
import dk.laeringsledelse.kernel.cycle.ChildId;
import dk.laeringsledelse.kernel.cycle.CompleteLearningCycle;
import dk.laeringsledelse.kernel.cycle.CycleId;
import dk.laeringsledelse.kernel.cycle.DataBasis;
import dk.laeringsledelse.kernel.cycle.DocumentSignOfLearning;
import dk.laeringsledelse.kernel.cycle.EvidenceKind;
import dk.laeringsledelse.kernel.cycle.FeedbackAbout;
import dk.laeringsledelse.kernel.cycle.FeedbackGiven;
import dk.laeringsledelse.kernel.cycle.FeedbackId;
import dk.laeringsledelse.kernel.cycle.FeedbackResponded;
import dk.laeringsledelse.kernel.cycle.GiveFeedback;
import dk.laeringsledelse.kernel.cycle.GoalAttainmentAssessed;
import dk.laeringsledelse.kernel.cycle.GoalId;
import dk.laeringsledelse.kernel.cycle.LearningCycleAbandoned;
import dk.laeringsledelse.kernel.cycle.LearningCycleCompleted;
import dk.laeringsledelse.kernel.cycle.LearningCycleStarted;
import dk.laeringsledelse.kernel.cycle.LearningGoalSet;
import dk.laeringsledelse.kernel.cycle.PlanActivity;
import dk.laeringsledelse.kernel.cycle.PlannedPeriod;
import dk.laeringsledelse.kernel.cycle.RecordActivityCarriedOut;
import dk.laeringsledelse.kernel.cycle.RecordReflection;
import dk.laeringsledelse.kernel.cycle.ReflectionId;
import dk.laeringsledelse.kernel.cycle.ReflectionRecorded;
import dk.laeringsledelse.kernel.cycle.RespondToFeedback;
import dk.laeringsledelse.kernel.cycle.SetLearningGoal;
import dk.laeringsledelse.kernel.cycle.SignId;
import dk.laeringsledelse.kernel.cycle.SignOfLearningDocumented;
import dk.laeringsledelse.kernel.cycle.StartLearningCycle;
import dk.laeringsledelse.kernel.cycle.TargetGroup;
import dk.laeringsledelse.kernel.cycle.TargetGroupKind;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.organisation.InstitutionKind;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dk.laeringsledelse.kernel.MetaDataKeys.IDEMPOTENCY_KEY;

/** Test data for the learning cycle: constants first, then one factory per command and event. */
final class CycleTestData {

    static final CycleId CYCLE_ID = CycleId.of("cycle-1");
    static final TeamId TEAM_ID = TeamId.of("team-1");
    static final GoalId GOAL_ID = GoalId.of("goal-1");
    static final GoalId OTHER_GOAL_ID = GoalId.of("goal-2");
    static final ActivityId ACTIVITY_ID = ActivityId.of("activity-1");
    static final SignId SIGN_ID = SignId.of("sign-1");
    static final SignId OTHER_SIGN_ID = SignId.of("sign-2");
    static final AssessmentId ASSESSMENT_ID = AssessmentId.of("assessment-1");
    static final FeedbackId FEEDBACK_ID = FeedbackId.of("feedback-1");
    static final ReflectionId REFLECTION_ID = ReflectionId.of("reflection-1");
    static final ChildId CHILD_A = ChildId.of("child-a");
    static final ChildId CHILD_B = ChildId.of("child-b");

    static final String TITLE = "Sprog i hverdagen";
    static final LocalDate PLANNED_START = LocalDate.of(2025, 9, 1);
    static final LocalDate PLANNED_END = LocalDate.of(2025, 12, 19);
    static final DataBasis DATA_BASIS = new DataBasis("En tredjedel har et lille ordforråd", "Sprogvurdering T1");
    static final String THEME = "kommunikation-og-sprog";
    static final InstitutionKind INSTITUTION_KIND = InstitutionKind.DAYCARE;
    static final List<String> EXPECTED_SIGNS = List.of("Bruger nye naturord", "Spørger til ords betydning");
    static final LocalDate PLANNED_DATE = LocalDate.of(2025, 9, 15);
    static final LocalDate CARRIED_OUT_ON = LocalDate.of(2025, 9, 16);
    static final LocalDate OBSERVED_ON = LocalDate.of(2025, 9, 16);
    /** "Today" in Copenhagen; the fixture's clock stands at 00:30 Danish time, still yesterday in UTC. */
    static final LocalDate TODAY = LocalDate.of(2025, 10, 1);
    static final Clock CLOCK = Clock.fixed(LocalDateTime.of(2025, 10, 1, 0, 30)
            .atZone(ZoneId.of("Europe/Copenhagen")).toInstant(), ZoneId.of("UTC"));
    static final String KEY = "key-1";

    private CycleTestData() {
    }

    static AggregateTestFixture<LearningCycle> fixture() {
        AggregateTestFixture<LearningCycle> fixture = new AggregateTestFixture<>(LearningCycle.class);
        fixture.registerInjectableResource(CLOCK);
        return fixture;
    }

    /** Matches a {@link RuleViolation} with this code and field. */
    static Matcher<Object> violation(ErrorCode code, String field) {
        return dk.laeringsledelse.command.support.Expectations.violation(code, field);
    }

    static Map<String, Object> withKey(String key) {
        return Map.of(IDEMPOTENCY_KEY, key);
    }

    static EventMessage<?> withKey(Object event, String key) {
        return GenericEventMessage.asEventMessage(event).andMetaData(withKey(key));
    }

    static String text(int length) {
        return "x".repeat(length);
    }

    // ---------------------------------------------------------------- start, complete, abandon

    static StartLearningCycle startCycle() {
        return new StartLearningCycle(CYCLE_ID, TEAM_ID, TITLE, new PlannedPeriod(PLANNED_START, PLANNED_END), DATA_BASIS);
    }

    static LearningCycleStarted cycleStarted() {
        return new LearningCycleStarted(CYCLE_ID, TEAM_ID, TITLE, new PlannedPeriod(PLANNED_START, PLANNED_END),
                DATA_BASIS);
    }

    static CompleteLearningCycle completeCycle() {
        return new CompleteLearningCycle(CYCLE_ID, "Målet er delvist nået", "Fortsæt i foråret");
    }

    static LearningCycleCompleted cycleCompleted() {
        return new LearningCycleCompleted(CYCLE_ID, TEAM_ID, "Målet er delvist nået", "Fortsæt i foråret");
    }

    static AbandonLearningCycle abandonCycle() {
        return new AbandonLearningCycle(CYCLE_ID, "Teamet er lagt sammen");
    }

    static LearningCycleAbandoned cycleAbandoned() {
        return new LearningCycleAbandoned(CYCLE_ID, TEAM_ID, "Teamet er lagt sammen");
    }

    // ---------------------------------------------------------------- goals

    static SetLearningGoal setGoal() {
        return setGoal(GOAL_ID);
    }

    static SetLearningGoal setGoal(GoalId goalId) {
        return new SetLearningGoal(CYCLE_ID, goalId, "Børnene udvider deres ordforråd", THEME,
                TargetGroup.wholeGroup(), EXPECTED_SIGNS, "Billedstøtte", INSTITUTION_KIND.name());
    }

    static SetLearningGoal setGoal(TargetGroup targetGroup, List<String> expectedSigns) {
        return new SetLearningGoal(CYCLE_ID, GOAL_ID, "Børnene udvider deres ordforråd", THEME,
                targetGroup, expectedSigns, "Billedstøtte", INSTITUTION_KIND.name());
    }

    /** A goal naming this theme, in a cycle whose institution is of this kind (null: not known). */
    static SetLearningGoal setGoal(String theme, InstitutionKind kind) {
        return new SetLearningGoal(CYCLE_ID, GOAL_ID, "Børnene udvider deres ordforråd", theme,
                TargetGroup.wholeGroup(), EXPECTED_SIGNS, "Billedstøtte", kind == null ? null : kind.name());
    }

    static LearningGoalSet goalSet(String theme) {
        return new LearningGoalSet(CYCLE_ID, TEAM_ID, GOAL_ID, "Børnene udvider deres ordforråd", theme,
                TargetGroup.wholeGroup(), EXPECTED_SIGNS, "Billedstøtte");
    }

    static LearningGoalSet goalSet() {
        return goalSet(GOAL_ID);
    }

    static LearningGoalSet goalSet(GoalId goalId) {
        return new LearningGoalSet(CYCLE_ID, TEAM_ID, goalId, "Børnene udvider deres ordforråd", THEME,
                TargetGroup.wholeGroup(), EXPECTED_SIGNS, "Billedstøtte");
    }

    // ---------------------------------------------------------------- activities

    static PlanActivity planActivity(GoalId... goalIds) {
        return new PlanActivity(CYCLE_ID, ACTIVITY_ID, Arrays.asList(goalIds), "Ordjagt i skoven",
                "Grupper á fire børn", PLANNED_DATE, null);
    }

    static ActivityPlanned activityPlanned(GoalId... goalIds) {
        return new ActivityPlanned(CYCLE_ID, TEAM_ID, ACTIVITY_ID, List.of(goalIds), "Ordjagt i skoven",
                "Grupper á fire børn", PLANNED_DATE, null);
    }

    static RecordActivityCarriedOut recordCarriedOut(LocalDate on) {
        return new RecordActivityCarriedOut(CYCLE_ID, ACTIVITY_ID, on, "Regn; flyttet en dag");
    }

    static ActivityCarriedOut activityCarriedOut() {
        return new ActivityCarriedOut(CYCLE_ID, TEAM_ID, ACTIVITY_ID, CARRIED_OUT_ON, "Regn; flyttet en dag");
    }

    static CancelActivity cancelActivity() {
        return new CancelActivity(CYCLE_ID, ACTIVITY_ID, "Personalemangel");
    }

    static ActivityCancelled activityCancelled() {
        return new ActivityCancelled(CYCLE_ID, TEAM_ID, ACTIVITY_ID, "Personalemangel");
    }

    // ---------------------------------------------------------------- signs and assessments

    static DocumentSignOfLearning documentSign(LocalDate observedOn) {
        return new DocumentSignOfLearning(CYCLE_ID, SIGN_ID, GOAL_ID, null, observedOn, "Sagde 'bregne'", 0,
                EvidenceKind.OBSERVATION, List.of(CHILD_A));
    }

    static DocumentSignOfLearning documentSign(ActivityId activityId, Integer matchedExpectedSign) {
        return new DocumentSignOfLearning(CYCLE_ID, SIGN_ID, GOAL_ID, activityId, OBSERVED_ON, "Sagde 'bregne'",
                matchedExpectedSign, EvidenceKind.OBSERVATION, List.of(CHILD_A));
    }

    static SignOfLearningDocumented signDocumented(ActivityId activityId, Integer matchedExpectedSign) {
        return new SignOfLearningDocumented(CYCLE_ID, TEAM_ID, SIGN_ID, GOAL_ID, activityId, OBSERVED_ON,
                "Sagde 'bregne'", matchedExpectedSign, EvidenceKind.OBSERVATION, List.of(CHILD_A));
    }

    static SignOfLearningDocumented signDocumented(SignId signId, GoalId goalId) {
        return new SignOfLearningDocumented(CYCLE_ID, TEAM_ID, signId, goalId, null, OBSERVED_ON,
                "Sagde 'bregne'", null, EvidenceKind.OBSERVATION, List.of());
    }

    static AssessGoalAttainment assess(Attainment attainment, SignId... signIds) {
        return assess(ASSESSMENT_ID, attainment, signIds);
    }

    static AssessGoalAttainment assess(AssessmentId assessmentId, Attainment attainment, SignId... signIds) {
        return new AssessGoalAttainment(CYCLE_ID, assessmentId, GOAL_ID, attainment, "Bruger nye ord",
                Arrays.asList(signIds));
    }

    static GoalAttainmentAssessed assessed(Attainment attainment, SignId... signIds) {
        return assessed(ASSESSMENT_ID, GOAL_ID, attainment, signIds);
    }

    static GoalAttainmentAssessed assessed(AssessmentId assessmentId, GoalId goalId, Attainment attainment,
                                           SignId... signIds) {
        return new GoalAttainmentAssessed(CYCLE_ID, TEAM_ID, assessmentId, goalId, attainment, "Bruger nye ord",
                List.of(signIds));
    }

    // ---------------------------------------------------------------- feedback and reflection

    static GiveFeedback giveFeedback(FeedbackAbout about) {
        return new GiveFeedback(CYCLE_ID, FEEDBACK_ID, about, AuthorRole.RESOURCE_PERSON, "Gør tegnene konkrete");
    }

    static FeedbackGiven feedbackGiven(FeedbackAbout about) {
        return new FeedbackGiven(CYCLE_ID, TEAM_ID, FEEDBACK_ID, about, AuthorRole.RESOURCE_PERSON,
                "Gør tegnene konkrete");
    }

    static RespondToFeedback respondToFeedback() {
        return new RespondToFeedback(CYCLE_ID, FEEDBACK_ID, "Tak, vi har revideret tegnene");
    }

    static FeedbackResponded feedbackResponded() {
        return new FeedbackResponded(CYCLE_ID, TEAM_ID, FEEDBACK_ID, "Tak, vi har revideret tegnene");
    }

    static RecordReflection recordReflection() {
        return new RecordReflection(CYCLE_ID, REFLECTION_ID, "Små grupper giver flere samtaler", "Flere små grupper");
    }

    static ReflectionRecorded reflectionRecorded() {
        return new ReflectionRecorded(CYCLE_ID, TEAM_ID, REFLECTION_ID, "Små grupper giver flere samtaler",
                "Flere små grupper");
    }

    /** Matches a command's answer by the id it created (null for none); its version is checked end to end. */
    static org.hamcrest.Matcher<Object> outcomeCreating(String id) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof dk.laeringsledelse.kernel.CommandOutcome outcome
                        && java.util.Objects.equals(outcome.id(), id);
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a CommandOutcome creating " + id);
            }
        };
    }
}
