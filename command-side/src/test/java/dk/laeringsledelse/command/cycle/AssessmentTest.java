package dk.laeringsledelse.command.cycle;

import dk.laeringsledelse.kernel.cycle.AssessGoalAttainment;
import dk.laeringsledelse.kernel.cycle.AssessmentId;
import dk.laeringsledelse.kernel.cycle.SignId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static dk.laeringsledelse.command.cycle.CycleTestData.*;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;
import static dk.laeringsledelse.kernel.ErrorCode.CONFLICT;
import static dk.laeringsledelse.kernel.ErrorCode.NOT_FOUND;
import static dk.laeringsledelse.kernel.cycle.Attainment.ACHIEVED;
import static dk.laeringsledelse.kernel.cycle.Attainment.NOT_YET;
import static dk.laeringsledelse.kernel.cycle.Attainment.PARTLY;

class AssessmentTest {

    private static final AssessmentId SECOND_ASSESSMENT_ID = AssessmentId.of("assessment-2");

    private AggregateTestFixture<LearningCycle> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void givenSignOfGoal_whenAssessGoalAttainmentAchieved_thenAssessedAndAssessmentIdReturned() {
        fixture.given(cycleStarted(), goalSet(), signDocumented(SIGN_ID, GOAL_ID))
                .when(assess(ACHIEVED, SIGN_ID))
                .expectEvents(assessed(ACHIEVED, SIGN_ID))
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(ASSESSMENT_ID.value()));
    }

    @Test
    void givenGoalAssessed_whenAssessGoalAttainmentAgain_thenAnotherAssessmentIsKept() {
        fixture.given(cycleStarted(), goalSet(), signDocumented(SIGN_ID, GOAL_ID), assessed(PARTLY, SIGN_ID))
                .when(assess(SECOND_ASSESSMENT_ID, ACHIEVED, SIGN_ID))
                .expectEvents(assessed(SECOND_ASSESSMENT_ID, GOAL_ID, ACHIEVED, SIGN_ID));
    }

    @Test
    void givenGoalSet_whenAssessGoalAttainmentNotYetWithoutSigns_thenAssessed() {
        fixture.given(cycleStarted(), goalSet())
                .when(assess(NOT_YET))
                .expectEvents(assessed(NOT_YET));
    }

    @Test
    void givenGoalSet_whenAssessGoalAttainmentAchievedWithoutSigns_thenRejected() {
        fixture.given(cycleStarted(), goalSet())
                .when(assess(ACHIEVED))
                .expectException(violation(BAD_REQUEST, "signIds"))
                .expectExceptionMessage("signIds must not be empty when attainment is ACHIEVED")
                .expectNoEvents();
    }

    @Test
    void givenSignOfOtherGoal_whenAssessGoalAttainmentOnIt_thenRejected() {
        fixture.given(cycleStarted(), goalSet(), goalSet(OTHER_GOAL_ID), signDocumented(SIGN_ID, GOAL_ID),
                        signDocumented(OTHER_SIGN_ID, OTHER_GOAL_ID))
                .when(assess(PARTLY, SIGN_ID, OTHER_SIGN_ID))
                .expectException(violation(BAD_REQUEST, "signIds[1]"))
                .expectExceptionMessage("signIds[1] sign-2 is a sign of goalId goal-2, not of goalId goal-1")
                .expectNoEvents();
    }

    @Test
    void givenGoalSet_whenAssessGoalAttainmentOnUnknownSign_thenNotFound() {
        fixture.given(cycleStarted(), goalSet())
                .when(assess(PARTLY, SIGN_ID))
                .expectException(violation(NOT_FOUND, "signIds[0]"))
                .expectNoEvents();
    }

    @Test
    void givenSignOfGoal_whenAssessGoalAttainmentNamingTheSignTwice_thenRejected() {
        fixture.given(cycleStarted(), goalSet(), signDocumented(SIGN_ID, GOAL_ID))
                .when(assess(PARTLY, SIGN_ID, SIGN_ID))
                .expectException(violation(BAD_REQUEST, "signIds[1]"))
                .expectNoEvents();
    }

    @Test
    void givenGoalSet_whenAssessGoalAttainmentOn201Signs_thenRejected() {
        var signIds = IntStream.range(0, 201).mapToObj(i -> SignId.of("sign-" + i)).toArray(SignId[]::new);
        fixture.given(cycleStarted(), goalSet())
                .when(assess(PARTLY, signIds))
                .expectException(violation(BAD_REQUEST, "signIds"))
                .expectExceptionMessage("signIds must not have more than 200 elements")
                .expectNoEvents();
    }

    @Test
    void givenCycleStarted_whenAssessUnknownGoal_thenNotFound() {
        fixture.given(cycleStarted())
                .when(assess(NOT_YET))
                .expectException(violation(NOT_FOUND, "goalId"))
                .expectNoEvents();
    }

    @Test
    void givenGoalSet_whenAssessGoalAttainmentWithoutAttainmentOrRationale_thenRejected() {
        fixture.given(cycleStarted(), goalSet())
                .when(new AssessGoalAttainment(CYCLE_ID, ASSESSMENT_ID, GOAL_ID, null, "x", List.of()))
                .expectException(violation(BAD_REQUEST, "attainment"))
                .expectNoEvents();
        fixture.given(cycleStarted(), goalSet())
                .when(new AssessGoalAttainment(CYCLE_ID, ASSESSMENT_ID, GOAL_ID, NOT_YET, "", List.of()))
                .expectException(violation(BAD_REQUEST, "rationale"))
                .expectNoEvents();
    }

    @Test
    void givenGoalAssessed_whenAssessGoalAttainmentWithSameAssessmentId_thenConflict() {
        fixture.given(cycleStarted(), goalSet(), assessed(NOT_YET))
                .when(assess(PARTLY))
                .expectException(violation(CONFLICT, "assessmentId"))
                .expectNoEvents();
    }

    @Test
    void givenCycleCompleted_whenAssessGoalAttainment_thenRejected() {
        fixture.given(cycleStarted(), goalSet(), assessed(NOT_YET), cycleCompleted())
                .when(assess(SECOND_ASSESSMENT_ID, PARTLY))
                .expectException(violation(CONFLICT, "cycleId"))
                .expectNoEvents();
    }
}
