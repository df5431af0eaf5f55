package dk.laeringsledelse.command.cycle;

import dk.laeringsledelse.kernel.cycle.Attainment;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dk.laeringsledelse.command.cycle.CycleTestData.*;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;
import static dk.laeringsledelse.kernel.ErrorCode.CONFLICT;

/**
 * A command repeated with the same idempotency key returns the earlier result and stores nothing new. The aggregate
 * knows the keys from its events' metadata, so these givens carry the key in their metadata.
 */
class IdempotencyTest {

    private AggregateTestFixture<LearningCycle> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void givenNoPriorActivity_whenStartLearningCycleWithKey_thenTheEventCarriesTheKey() {
        fixture.givenNoPriorActivity()
                .when(startCycle(), withKey(KEY))
                .expectEvents(GenericEventMessage.asEventMessage(cycleStarted()).withMetaData(withKey(KEY)));
    }

    @Test
    void givenCycleStartedWithKey_whenStartLearningCycleWithSameKey_thenSameCycleIdAndNoEvents() {
        fixture.given(List.of(withKey(cycleStarted(), KEY)))
                .when(startCycle(), withKey(KEY))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(CYCLE_ID.value()))
                .expectNoEvents();
    }

    @Test
    void givenCycleStartedWithKey_whenStartLearningCycleWithOtherKey_thenConflict() {
        fixture.given(List.of(withKey(cycleStarted(), KEY)))
                .when(startCycle(), withKey("key-2"))
                .expectException(violation(CONFLICT, "cycleId"))
                .expectExceptionMessage("cycleId cycle-1 already exists")
                .expectNoEvents();
    }

    @Test
    void givenGoalSetWithKey_whenSetLearningGoalWithSameKey_thenSameGoalIdAndNoEvents() {
        fixture.given(List.of(cycleStarted(), withKey(goalSet(), KEY)))
                .when(setGoal(), withKey(KEY))
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(GOAL_ID.value()))
                .expectNoEvents();
    }

    @Test
    void givenGoalSetWithKey_whenSetLearningGoalWithSameKeyAndAnotherGoalId_thenEarlierGoalIdAndNoEvents() {
        fixture.given(List.of(cycleStarted(), withKey(goalSet(), KEY)))
                .when(setGoal(OTHER_GOAL_ID), withKey(KEY))
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(GOAL_ID.value()))
                .expectNoEvents();
    }

    @Test
    void givenGoalSetWithKey_whenSetLearningGoalWithOtherKey_thenConflictOnTheGoalId() {
        fixture.given(List.of(cycleStarted(), withKey(goalSet(), KEY)))
                .when(setGoal(), withKey("key-2"))
                .expectException(violation(CONFLICT, "goalId"))
                .expectNoEvents();
    }

    @Test
    void givenGoalSetWithKey_whenPlanActivityWithSameKey_thenConflictOnTheKey() {
        fixture.given(List.of(cycleStarted(), withKey(goalSet(), KEY)))
                .when(planActivity(GOAL_ID), withKey(KEY))
                .expectException(violation(CONFLICT, "idempotencyKey"))
                .expectExceptionMessage("idempotencyKey was already used for SetLearningGoal in this cycle")
                .expectNoEvents();
    }

    @Test
    void givenCycleStarted_whenSetLearningGoalWithKey_thenTheEventCarriesTheKey() {
        fixture.given(cycleStarted())
                .when(setGoal(), withKey(KEY))
                .expectEvents(GenericEventMessage.asEventMessage(goalSet()).withMetaData(withKey(KEY)));
    }

    @Test
    void givenCycleStarted_whenSetLearningGoalWithBlankKey_thenRejected() {
        fixture.given(cycleStarted())
                .when(setGoal(), withKey(" "))
                .expectException(violation(BAD_REQUEST, "idempotencyKey"))
                .expectNoEvents();
    }

    @Test
    void givenActivityCarriedOutWithKey_whenRecordActivityCarriedOutWithSameKey_thenNullAndNoEvents() {
        fixture.given(List.of(cycleStarted(), goalSet(), activityPlanned(GOAL_ID), withKey(activityCarriedOut(), KEY)))
                .when(recordCarriedOut(CARRIED_OUT_ON), withKey(KEY))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(null))
                .expectNoEvents();
    }

    @Test
    void givenSignDocumentedWithKey_whenDocumentSignOfLearningWithSameKey_thenSameSignIdAndNoEvents() {
        fixture.given(List.of(cycleStarted(), goalSet(), withKey(signDocumented(null, 0), KEY)))
                .when(documentSign(OBSERVED_ON), withKey(KEY))
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(SIGN_ID.value()))
                .expectNoEvents();
    }

    @Test
    void givenCycleCompletedWithKey_whenCompleteLearningCycleWithSameKey_thenSucceedsWithoutEvents() {
        fixture.given(List.of(cycleStarted(), goalSet(), assessed(Attainment.NOT_YET),
                        withKey(cycleCompleted(), KEY)))
                .when(completeCycle(), withKey(KEY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenCycleCompletedWithKey_whenCompleteLearningCycleWithOtherKey_thenConflict() {
        fixture.given(List.of(cycleStarted(), goalSet(), assessed(Attainment.NOT_YET),
                        withKey(cycleCompleted(), KEY)))
                .when(completeCycle(), withKey("key-2"))
                .expectException(violation(CONFLICT, "cycleId"))
                .expectNoEvents();
    }
}
