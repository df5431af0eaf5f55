package dk.laeringsledelse.command.cycle;

import dk.laeringsledelse.kernel.cycle.ChildId;
import dk.laeringsledelse.kernel.cycle.GoalId;
import dk.laeringsledelse.kernel.cycle.LearningGoalRevised;
import dk.laeringsledelse.kernel.cycle.LearningGoalSet;
import dk.laeringsledelse.kernel.cycle.ReviseLearningGoal;
import dk.laeringsledelse.kernel.cycle.SetLearningGoal;
import dk.laeringsledelse.kernel.cycle.TargetGroup;
import dk.laeringsledelse.kernel.cycle.TargetGroupKind;
import dk.laeringsledelse.kernel.cycle.Attainment;
import dk.laeringsledelse.kernel.organisation.InstitutionKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static dk.laeringsledelse.command.cycle.CycleTestData.*;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;
import static dk.laeringsledelse.kernel.ErrorCode.CONFLICT;
import static dk.laeringsledelse.kernel.ErrorCode.NOT_FOUND;

class LearningGoalTest {

    private static final TargetGroup INDIVIDUALS =
            new TargetGroup(TargetGroupKind.INDIVIDUAL_CHILDREN, "Børn med lille ordforråd", List.of(CHILD_A, CHILD_B));

    private AggregateTestFixture<LearningCycle> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void givenCycleStarted_whenSetLearningGoal_thenLearningGoalSetAndGoalIdReturned() {
        fixture.given(cycleStarted())
                .when(setGoal())
                .expectEvents(goalSet())
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(GOAL_ID.value()));
    }

    @Test
    void givenCycleStarted_whenSetLearningGoalForIndividualChildren_thenLearningGoalSet() {
        fixture.given(cycleStarted())
                .when(setGoal(INDIVIDUALS, EXPECTED_SIGNS))
                .expectEvents(new LearningGoalSet(CYCLE_ID, TEAM_ID, GOAL_ID, "Børnene udvider deres ordforråd", THEME,
                        INDIVIDUALS, EXPECTED_SIGNS, "Billedstøtte"));
    }

    @Test
    void givenCycleStarted_whenSetLearningGoalForIndividualChildrenWithoutChildIds_thenRejected() {
        fixture.given(cycleStarted())
                .when(setGoal(new TargetGroup(TargetGroupKind.INDIVIDUAL_CHILDREN, null, List.of()), EXPECTED_SIGNS))
                .expectException(violation(BAD_REQUEST, "targetGroup.childIds"))
                .expectExceptionMessage("targetGroup.childIds must not be empty for INDIVIDUAL_CHILDREN")
                .expectNoEvents();
    }

    @Test
    void givenCycleStarted_whenSetLearningGoalForWholeGroupWithChildIds_thenRejected() {
        fixture.given(cycleStarted())
                .when(setGoal(new TargetGroup(TargetGroupKind.WHOLE_GROUP, null, List.of(CHILD_A)), EXPECTED_SIGNS))
                .expectException(violation(BAD_REQUEST, "targetGroup.childIds"))
                .expectNoEvents();
    }

    @Test
    void givenCycleStarted_whenSetLearningGoalWithRepeatedChildId_thenRejected() {
        fixture.given(cycleStarted())
                .when(setGoal(new TargetGroup(TargetGroupKind.SUB_GROUP, "Drengene", List.of(CHILD_A, CHILD_A)),
                        EXPECTED_SIGNS))
                .expectException(violation(BAD_REQUEST, "targetGroup.childIds[1]"))
                .expectNoEvents();
    }

    @Test
    void givenCycleStarted_whenSetLearningGoalWith101ChildIds_thenRejected() {
        var childIds = IntStream.range(0, 101).mapToObj(i -> ChildId.of("child-" + i)).toList();
        fixture.given(cycleStarted())
                .when(setGoal(new TargetGroup(TargetGroupKind.SUB_GROUP, null, childIds), EXPECTED_SIGNS))
                .expectException(violation(BAD_REQUEST, "targetGroup.childIds"))
                .expectExceptionMessage("targetGroup.childIds must not have more than 100 elements")
                .expectNoEvents();
    }

    @Test
    void givenCycleStarted_whenSetLearningGoalWithoutTargetGroupKind_thenRejected() {
        fixture.given(cycleStarted())
                .when(setGoal(new TargetGroup(null, null, List.of()), EXPECTED_SIGNS))
                .expectException(violation(BAD_REQUEST, "targetGroup.kind"))
                .expectNoEvents();
    }

    @Test
    void givenCycleStarted_whenSetLearningGoalWithoutExpectedSigns_thenRejected() {
        fixture.given(cycleStarted())
                .when(setGoal(TargetGroup.wholeGroup(), List.of()))
                .expectException(violation(BAD_REQUEST, "expectedSigns"))
                .expectExceptionMessage("expectedSigns must not be empty")
                .expectNoEvents();
    }

    @Test
    void givenCycleStarted_whenSetLearningGoalWithBlankThirdExpectedSign_thenRejected() {
        fixture.given(cycleStarted())
                .when(setGoal(TargetGroup.wholeGroup(), List.of("a", "b", " ")))
                .expectException(violation(BAD_REQUEST, "expectedSigns[2]"))
                .expectExceptionMessage("expectedSigns[2] must not be blank")
                .expectNoEvents();
    }

    @Test
    void givenCycleStarted_whenSetLearningGoalWith21ExpectedSigns_thenRejected() {
        fixture.given(cycleStarted())
                .when(setGoal(TargetGroup.wholeGroup(), Collections.nCopies(21, "tegn")))
                .expectException(violation(BAD_REQUEST, "expectedSigns"))
                .expectExceptionMessage("expectedSigns must not have more than 20 elements")
                .expectNoEvents();
    }

    @Test
    void givenCycleStarted_whenSetLearningGoalWithExpectedSignOf4001Characters_thenRejected() {
        fixture.given(cycleStarted())
                .when(setGoal(TargetGroup.wholeGroup(), List.of(text(4001))))
                .expectException(violation(BAD_REQUEST, "expectedSigns[0]"))
                .expectExceptionMessage("expectedSigns[0] must not be longer than 4000 characters")
                .expectNoEvents();
    }

    @Test
    void givenCycleStarted_whenSetLearningGoalWithThemeOf101Characters_thenRejected() {
        fixture.given(cycleStarted())
                .when(new SetLearningGoal(CYCLE_ID, GOAL_ID, "Mål", text(101), TargetGroup.wholeGroup(),
                        EXPECTED_SIGNS, null))
                .expectException(violation(BAD_REQUEST, "curriculumTheme"))
                .expectExceptionMessage("curriculumTheme must not be longer than 100 characters")
                .expectNoEvents();
    }

    @Test
    void givenCycleStartedInASchool_whenSetLearningGoalWithASchoolSubject_thenLearningGoalSet() {
        fixture.given(cycleStarted())
                .when(setGoal("matematik", InstitutionKind.SCHOOL))
                .expectEvents(goalSet("matematik"));
    }

    @Test
    void givenCycleStartedInADaycare_whenSetLearningGoalWithASchoolSubject_thenRejected() {
        fixture.given(cycleStarted())
                .when(setGoal("matematik", InstitutionKind.DAYCARE))
                .expectException(violation(BAD_REQUEST, "curriculumTheme"))
                .expectExceptionMessage("curriculumTheme must be one of the themes of DAYCARE institutions: "
                        + "alsidig-personlig-udvikling, social-udvikling, kommunikation-og-sprog, "
                        + "krop-sanser-og-bevaegelse, natur-udeliv-og-science, kultur-aestetik-og-faellesskab")
                .expectNoEvents();
    }

    @Test
    void givenCycleStartedInASchool_whenSetLearningGoalWithAnUnknownTheme_thenRejected() {
        fixture.given(cycleStarted())
                .when(setGoal("kommunikation-og-sprog", InstitutionKind.SCHOOL))
                .expectException(violation(BAD_REQUEST, "curriculumTheme"))
                .expectNoEvents();
    }

    @Test
    void givenCycleStarted_whenSetLearningGoalWithoutAnInstitutionKind_thenThemeIsNotChecked() {
        fixture.given(cycleStarted())
                .when(setGoal("eget-tema", null))
                .expectEvents(goalSet("eget-tema"));
    }

    @Test
    void givenCycleStarted_whenSetLearningGoalWithBlankGoalId_thenRejected() {
        fixture.given(cycleStarted())
                .when(setGoal(GoalId.of("")))
                .expectException(violation(BAD_REQUEST, "goalId"))
                .expectNoEvents();
    }

    @Test
    void givenGoalSet_whenSetLearningGoalWithSameGoalId_thenConflict() {
        fixture.given(cycleStarted(), goalSet())
                .when(setGoal())
                .expectException(violation(CONFLICT, "goalId"))
                .expectExceptionMessage("goalId goal-1 already exists in this cycle")
                .expectNoEvents();
    }

    @Test
    void givenCycleCompleted_whenSetLearningGoal_thenRejected() {
        fixture.given(cycleStarted(), goalSet(), assessed(Attainment.NOT_YET), cycleCompleted())
                .when(setGoal(OTHER_GOAL_ID))
                .expectException(violation(CONFLICT, "cycleId"))
                .expectNoEvents();
    }

    @Test
    void givenCycleAbandoned_whenSetLearningGoal_thenRejected() {
        fixture.given(cycleStarted(), cycleAbandoned())
                .when(setGoal())
                .expectException(violation(CONFLICT, "cycleId"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- revise

    @Test
    void givenGoalSet_whenReviseLearningGoalDescription_thenRevisedWithOnlyTheDescription() {
        fixture.given(cycleStarted(), goalSet())
                .when(new ReviseLearningGoal(CYCLE_ID, GOAL_ID, "Nyt mål", EXPECTED_SIGNS, "For bredt"))
                .expectEvents(new LearningGoalRevised(CYCLE_ID, TEAM_ID, GOAL_ID, "Nyt mål", null, "For bredt"))
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(null));
    }

    @Test
    void givenGoalSet_whenReviseLearningGoalExpectedSigns_thenRevised() {
        var signs = List.of("Bruger tre nye naturord");
        fixture.given(cycleStarted(), goalSet())
                .when(new ReviseLearningGoal(CYCLE_ID, GOAL_ID, null, signs, "For vage"))
                .expectEvents(new LearningGoalRevised(CYCLE_ID, TEAM_ID, GOAL_ID, null, signs, "For vage"));
    }

    @Test
    void givenGoalSet_whenReviseLearningGoalWithNothing_thenRejected() {
        fixture.given(cycleStarted(), goalSet())
                .when(new ReviseLearningGoal(CYCLE_ID, GOAL_ID, null, null, "Ingen grund"))
                .expectException(violation(BAD_REQUEST, "description"))
                .expectExceptionMessage("description or expectedSigns must be given")
                .expectNoEvents();
    }

    @Test
    void givenGoalSet_whenReviseLearningGoalWithUnchangedValues_thenRejected() {
        fixture.given(cycleStarted(), goalSet())
                .when(new ReviseLearningGoal(CYCLE_ID, GOAL_ID, goalSet().description(), EXPECTED_SIGNS, "Ingen"))
                .expectException(violation(BAD_REQUEST, "description"))
                .expectExceptionMessage("description or expectedSigns must differ from the goal's current ones")
                .expectNoEvents();
    }

    @Test
    void givenGoalSet_whenReviseLearningGoalWithoutReason_thenRejected() {
        fixture.given(cycleStarted(), goalSet())
                .when(new ReviseLearningGoal(CYCLE_ID, GOAL_ID, "Nyt mål", null, ""))
                .expectException(violation(BAD_REQUEST, "reason"))
                .expectNoEvents();
    }

    @Test
    void givenGoalSet_whenReviseLearningGoalWithEmptyExpectedSigns_thenRejected() {
        fixture.given(cycleStarted(), goalSet())
                .when(new ReviseLearningGoal(CYCLE_ID, GOAL_ID, null, List.of(), "For vage"))
                .expectException(violation(BAD_REQUEST, "expectedSigns"))
                .expectNoEvents();
    }

    @Test
    void givenCycleStarted_whenReviseUnknownLearningGoal_thenNotFound() {
        fixture.given(cycleStarted())
                .when(new ReviseLearningGoal(CYCLE_ID, GOAL_ID, "Nyt mål", null, "For bredt"))
                .expectException(violation(NOT_FOUND, "goalId"))
                .expectExceptionMessage("goalId goal-1 does not exist in this cycle")
                .expectNoEvents();
    }

    @Test
    void givenCycleAbandoned_whenReviseLearningGoal_thenRejected() {
        fixture.given(cycleStarted(), goalSet(), cycleAbandoned())
                .when(new ReviseLearningGoal(CYCLE_ID, GOAL_ID, "Nyt mål", null, "For bredt"))
                .expectException(violation(CONFLICT, "cycleId"))
                .expectNoEvents();
    }
}
