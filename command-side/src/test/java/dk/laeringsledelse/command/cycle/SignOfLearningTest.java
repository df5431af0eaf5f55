package dk.laeringsledelse.command.cycle;

import dk.laeringsledelse.kernel.cycle.ActivityId;
import dk.laeringsledelse.kernel.cycle.Attainment;
import dk.laeringsledelse.kernel.cycle.DocumentSignOfLearning;
import dk.laeringsledelse.kernel.cycle.EvidenceKind;
import dk.laeringsledelse.kernel.cycle.LearningGoalRevised;
import dk.laeringsledelse.kernel.cycle.SignOfLearningDocumented;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dk.laeringsledelse.command.cycle.CycleTestData.*;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;
import static dk.laeringsledelse.kernel.ErrorCode.CONFLICT;
import static dk.laeringsledelse.kernel.ErrorCode.NOT_FOUND;

class SignOfLearningTest {

    private AggregateTestFixture<LearningCycle> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void givenActivityServingGoal_whenDocumentSignOfLearning_thenDocumentedAndSignIdReturned() {
        fixture.given(cycleStarted(), goalSet(), activityPlanned(GOAL_ID))
                .when(documentSign(ACTIVITY_ID, 1))
                .expectEvents(signDocumented(ACTIVITY_ID, 1))
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(SIGN_ID.value()));
    }

    @Test
    void givenGoalSet_whenDocumentSignOfLearningWithoutActivityMatchOrChildren_thenDocumented() {
        fixture.given(cycleStarted(), goalSet())
                .when(new DocumentSignOfLearning(CYCLE_ID, SIGN_ID, GOAL_ID, null, OBSERVED_ON, "Sagde 'bregne'",
                        null, EvidenceKind.CHILDS_WORK, null))
                .expectEvents(new SignOfLearningDocumented(CYCLE_ID, TEAM_ID, SIGN_ID, GOAL_ID, null, OBSERVED_ON,
                        "Sagde 'bregne'", null, EvidenceKind.CHILDS_WORK, List.of()));
    }

    @Test
    void givenGoalSet_whenDocumentSignOfLearningObservedTodayInCopenhagen_thenDocumented() {
        fixture.given(cycleStarted(), goalSet())
                .when(documentSign(TODAY))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(SIGN_ID.value()));
    }

    @Test
    void givenGoalSet_whenDocumentSignOfLearningObservedTomorrow_thenRejected() {
        fixture.given(cycleStarted(), goalSet())
                .when(documentSign(TODAY.plusDays(1)))
                .expectException(violation(BAD_REQUEST, "observedOn"))
                .expectExceptionMessage("observedOn must not be in the future (today is 2025-10-01)")
                .expectNoEvents();
    }

    @Test
    void givenGoalSet_whenDocumentSignOfLearningObservedBeforePlannedStart_thenRejected() {
        fixture.given(cycleStarted(), goalSet())
                .when(documentSign(PLANNED_START.minusDays(1)))
                .expectException(violation(BAD_REQUEST, "observedOn"))
                .expectExceptionMessage("observedOn must not be before the cycle's planned start 2025-09-01")
                .expectNoEvents();
    }

    @Test
    void givenGoalSet_whenDocumentSignOfLearningObservedOnPlannedStart_thenDocumented() {
        fixture.given(cycleStarted(), goalSet())
                .when(documentSign(PLANNED_START))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void givenCycleStarted_whenDocumentSignOfLearningForUnknownGoal_thenNotFound() {
        fixture.given(cycleStarted())
                .when(documentSign(OBSERVED_ON))
                .expectException(violation(NOT_FOUND, "goalId"))
                .expectNoEvents();
    }

    @Test
    void givenGoalSet_whenDocumentSignOfLearningInUnknownActivity_thenNotFound() {
        fixture.given(cycleStarted(), goalSet())
                .when(documentSign(ActivityId.of("activity-9"), 0))
                .expectException(violation(NOT_FOUND, "activityId"))
                .expectNoEvents();
    }

    @Test
    void givenActivityServingOtherGoal_whenDocumentSignOfLearningInThatActivity_thenRejected() {
        fixture.given(cycleStarted(), goalSet(), goalSet(OTHER_GOAL_ID), activityPlanned(OTHER_GOAL_ID))
                .when(documentSign(ACTIVITY_ID, 0))
                .expectException(violation(BAD_REQUEST, "activityId"))
                .expectExceptionMessage("activityId activity-1 does not serve goalId goal-1")
                .expectNoEvents();
    }

    @Test
    void givenActivityCancelled_whenDocumentSignOfLearningInThatActivity_thenConflict() {
        fixture.given(cycleStarted(), goalSet(), activityPlanned(GOAL_ID), activityCancelled())
                .when(documentSign(ACTIVITY_ID, 0))
                .expectException(violation(CONFLICT, "activityId"))
                .expectNoEvents();
    }

    @Test
    void givenGoalWithTwoExpectedSigns_whenDocumentSignMatchingThirdExpectedSign_thenRejected() {
        fixture.given(cycleStarted(), goalSet())
                .when(documentSign(null, 2))
                .expectException(violation(BAD_REQUEST, "matchedExpectedSign"))
                .expectExceptionMessage(
                        "matchedExpectedSign must be less than 2, the number of expected signs of goalId goal-1")
                .expectNoEvents();
    }

    @Test
    void givenGoalRevisedToThreeExpectedSigns_whenDocumentSignMatchingThirdExpectedSign_thenDocumented() {
        fixture.given(cycleStarted(), goalSet(), new LearningGoalRevised(CYCLE_ID, TEAM_ID, GOAL_ID, null,
                        List.of("a", "b", "c"), "Mere konkret"))
                .when(documentSign(null, 2))
                .expectEvents(signDocumented(null, 2));
    }

    @Test
    void givenGoalSet_whenDocumentSignMatchingNegativeIndex_thenRejected() {
        fixture.given(cycleStarted(), goalSet())
                .when(documentSign(null, -1))
                .expectException(violation(BAD_REQUEST, "matchedExpectedSign"))
                .expectNoEvents();
    }

    @Test
    void givenGoalSet_whenDocumentSignOfLearningWithObservationOf4001Characters_thenRejected() {
        fixture.given(cycleStarted(), goalSet())
                .when(new DocumentSignOfLearning(CYCLE_ID, SIGN_ID, GOAL_ID, null, OBSERVED_ON, text(4001), null,
                        EvidenceKind.OBSERVATION, List.of()))
                .expectException(violation(BAD_REQUEST, "observation"))
                .expectExceptionMessage("observation must not be longer than 4000 characters")
                .expectNoEvents();
    }

    @Test
    void givenGoalSet_whenDocumentSignOfLearningWithoutEvidenceKind_thenRejected() {
        fixture.given(cycleStarted(), goalSet())
                .when(new DocumentSignOfLearning(CYCLE_ID, SIGN_ID, GOAL_ID, null, OBSERVED_ON, "Sagde 'bregne'",
                        null, null, List.of()))
                .expectException(violation(BAD_REQUEST, "evidenceKind"))
                .expectNoEvents();
    }

    @Test
    void givenSignDocumented_whenDocumentSignOfLearningWithSameId_thenConflict() {
        fixture.given(cycleStarted(), goalSet(), signDocumented(null, 0))
                .when(documentSign(OBSERVED_ON))
                .expectException(violation(CONFLICT, "signId"))
                .expectNoEvents();
    }

    @Test
    void givenCycleCompleted_whenDocumentSignOfLearning_thenRejected() {
        fixture.given(cycleStarted(), goalSet(), assessed(Attainment.NOT_YET), cycleCompleted())
                .when(documentSign(OBSERVED_ON))
                .expectException(violation(CONFLICT, "cycleId"))
                .expectNoEvents();
    }

    @Test
    void givenCycleAbandoned_whenDocumentSignOfLearning_thenRejected() {
        fixture.given(cycleStarted(), goalSet(), cycleAbandoned())
                .when(documentSign(OBSERVED_ON))
                .expectException(violation(CONFLICT, "cycleId"))
                .expectNoEvents();
    }
}
