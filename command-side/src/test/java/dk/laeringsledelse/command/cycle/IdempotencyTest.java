package dk.laeringsledelse.command.cycle;

import dk.laeringsledelse.kernel.cycle.Attainment;
import dk.laeringsledelse.kernel.cycle.LearningGoalSet;
import dk.laeringsledelse.kernel.cycle.SetLearningGoal;
import dk.laeringsledelse.kernel.cycle.TargetGroup;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dk.laeringsledelse.command.cycle.CycleTestData.*;
import static dk.laeringsledelse.command.support.Expectations.keyed;
import static dk.laeringsledelse.command.support.Expectations.recordedKey;
import static dk.laeringsledelse.command.support.Expectations.withKey;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;
import static dk.laeringsledelse.kernel.ErrorCode.CONFLICT;

/**
 * An idempotency key is scoped to the acting person and the command's type. The same command with the same key and
 * content returns the earlier result and stores nothing new; the same key with other content is a CONFLICT; another
 * person's key is another key. The aggregate knows the keys from its events' metadata, so these givens carry the key
 * as the command side records it ({@code keyed}).
 */
class IdempotencyTest {

    private static final String PIA = "person-pia";
    private static final String OLE = "person-ole";

    private AggregateTestFixture<LearningCycle> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void givenNoPriorActivity_whenStartLearningCycleWithKey_thenTheEventRecordsKeyCommandFingerprintAndResult() {
        fixture.givenNoPriorActivity()
                .when(startCycle(), withKey(KEY))
                .expectEvents(GenericEventMessage.asEventMessage(cycleStarted())
                        .withMetaData(recordedKey(startCycle(), KEY)));
    }

    @Test
    void givenCycleStartedWithKey_whenStartLearningCycleWithSameKey_thenSameCycleIdAndNoEvents() {
        fixture.given(List.of(keyed(cycleStarted(), startCycle(), KEY)))
                .when(startCycle(), withKey(KEY))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(CYCLE_ID.value()))
                .expectNoEvents();
    }

    @Test
    void givenCycleStartedWithKey_whenStartLearningCycleWithOtherKey_thenConflict() {
        fixture.given(List.of(keyed(cycleStarted(), startCycle(), KEY)))
                .when(startCycle(), withKey("key-2"))
                .expectException(violation(CONFLICT, "cycleId"))
                .expectExceptionMessage("cycleId cycle-1 already exists")
                .expectNoEvents();
    }

    @Test
    void givenGoalSetWithKey_whenSetLearningGoalWithSameKey_thenSameGoalIdAndNoEvents() {
        fixture.given(List.of(cycleStarted(), keyed(goalSet(), setGoal(), KEY)))
                .when(setGoal(), withKey(KEY))
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(GOAL_ID.value()))
                .expectNoEvents();
    }

    @Test
    void givenGoalSetWithKey_whenSetLearningGoalWithSameKeyAndAnotherGoalId_thenEarlierGoalIdAndNoEvents() {
        // the goal id is made from the key, so it is not part of what makes a request the same
        fixture.given(List.of(cycleStarted(), keyed(goalSet(), setGoal(), KEY)))
                .when(setGoal(OTHER_GOAL_ID), withKey(KEY))
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(GOAL_ID.value()))
                .expectNoEvents();
    }

    @Test
    void givenGoalSetWithKey_whenSetLearningGoalWithSameKeyAndAnotherDescription_thenConflictOnTheKey() {
        SetLearningGoal first = setGoal();
        SetLearningGoal other = new SetLearningGoal(first.cycleId(), first.goalId(), "Et andet mål",
                first.curriculumTheme(), first.targetGroup(), first.expectedSigns(), first.adaptation());
        fixture.given(List.of(cycleStarted(), keyed(goalSet(), first, KEY)))
                .when(other, withKey(KEY))
                .expectException(violation(CONFLICT, "idempotencyKey"))
                .expectExceptionMessage("idempotencyKey key-1 was already used for a different SetLearningGoal request;"
                        + " use a new key for a new request")
                .expectNoEvents();
    }

    @Test
    void givenGoalSetWithKeyByOnePerson_whenAnotherPersonSetsAnotherGoalWithTheSameKey_thenStored() {
        SetLearningGoal other = setGoal(OTHER_GOAL_ID);
        other = new SetLearningGoal(other.cycleId(), other.goalId(), "Et andet mål", other.curriculumTheme(),
                other.targetGroup(), other.expectedSigns(), other.adaptation());
        fixture.given(List.of(cycleStarted(), keyed(goalSet(), setGoal(), KEY, PIA)))
                .when(other, withKey(KEY, OLE))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(OTHER_GOAL_ID.value()))
                .expectEvents(GenericEventMessage.asEventMessage(new LearningGoalSet(CYCLE_ID, TEAM_ID, OTHER_GOAL_ID,
                        "Et andet mål", THEME, TargetGroup.wholeGroup(), EXPECTED_SIGNS, "Billedstøtte"))
                        .withMetaData(recordedKey(other, KEY)));
    }

    @Test
    void givenGoalSetWithKeyByOnePerson_whenTheSamePersonRepeatsIt_thenEarlierGoalIdAndNoEvents() {
        fixture.given(List.of(cycleStarted(), keyed(goalSet(), setGoal(), KEY, PIA)))
                .when(setGoal(), withKey(KEY, PIA))
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(GOAL_ID.value()))
                .expectNoEvents();
    }

    @Test
    void givenGoalSetWithKeyBeforeKeysWereScoped_whenSetLearningGoalWithSameKey_thenNoEvents() {
        // an event recorded before fingerprints were kept carries the key alone: a repeat answers as it did then
        fixture.given(List.of(cycleStarted(), withKey(goalSet(), KEY)))
                .when(setGoal(), withKey(KEY, PIA))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenGoalSetWithKey_whenSetLearningGoalWithOtherKey_thenConflictOnTheGoalId() {
        fixture.given(List.of(cycleStarted(), keyed(goalSet(), setGoal(), KEY)))
                .when(setGoal(), withKey("key-2"))
                .expectException(violation(CONFLICT, "goalId"))
                .expectNoEvents();
    }

    @Test
    void givenGoalSetWithKey_whenPlanActivityWithSameKey_thenPlanned() {
        // keys are scoped per command type: the same key names another request of another type
        fixture.given(List.of(cycleStarted(), keyed(goalSet(), setGoal(), KEY)))
                .when(planActivity(GOAL_ID), withKey(KEY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(GenericEventMessage.asEventMessage(activityPlanned(GOAL_ID))
                        .withMetaData(recordedKey(planActivity(GOAL_ID), KEY)));
    }

    @Test
    void givenCycleStarted_whenSetLearningGoalWithKey_thenTheEventCarriesTheKey() {
        fixture.given(cycleStarted())
                .when(setGoal(), withKey(KEY))
                .expectEvents(GenericEventMessage.asEventMessage(goalSet()).withMetaData(recordedKey(setGoal(), KEY)));
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
        fixture.given(List.of(cycleStarted(), goalSet(), activityPlanned(GOAL_ID),
                        keyed(activityCarriedOut(), recordCarriedOut(CARRIED_OUT_ON), KEY)))
                .when(recordCarriedOut(CARRIED_OUT_ON), withKey(KEY))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(null))
                .expectNoEvents();
    }

    @Test
    void givenSignDocumentedWithKey_whenDocumentSignOfLearningWithSameKey_thenSameSignIdAndNoEvents() {
        fixture.given(List.of(cycleStarted(), goalSet(),
                        keyed(signDocumented(null, 0), documentSign(OBSERVED_ON), KEY)))
                .when(documentSign(OBSERVED_ON), withKey(KEY))
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(SIGN_ID.value()))
                .expectNoEvents();
    }

    @Test
    void givenSignDocumentedWithKey_whenDocumentSignOfLearningWithSameKeyOnAnotherDay_thenConflictAndNoEvents() {
        fixture.given(List.of(cycleStarted(), goalSet(),
                        keyed(signDocumented(null, 0), documentSign(OBSERVED_ON), KEY)))
                .when(documentSign(OBSERVED_ON.minusDays(1)), withKey(KEY))
                .expectException(violation(CONFLICT, "idempotencyKey"))
                .expectNoEvents();
    }

    @Test
    void givenCycleCompletedWithKey_whenCompleteLearningCycleWithSameKey_thenSucceedsWithoutEvents() {
        fixture.given(List.of(cycleStarted(), goalSet(), assessed(Attainment.NOT_YET),
                        keyed(cycleCompleted(), completeCycle(), KEY)))
                .when(completeCycle(), withKey(KEY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenCycleCompletedWithKey_whenCompleteLearningCycleWithOtherKey_thenConflict() {
        fixture.given(List.of(cycleStarted(), goalSet(), assessed(Attainment.NOT_YET),
                        keyed(cycleCompleted(), completeCycle(), KEY)))
                .when(completeCycle(), withKey("key-2"))
                .expectException(violation(CONFLICT, "cycleId"))
                .expectNoEvents();
    }
}
