package dk.laeringsledelse.command.cycle;

import dk.laeringsledelse.kernel.cycle.ActivityCarriedOut;
import dk.laeringsledelse.kernel.cycle.ActivityPlanned;
import dk.laeringsledelse.kernel.cycle.Attainment;
import dk.laeringsledelse.kernel.cycle.CancelActivity;
import dk.laeringsledelse.kernel.cycle.GoalId;
import dk.laeringsledelse.kernel.cycle.PlanActivity;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static dk.laeringsledelse.command.cycle.CycleTestData.*;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;
import static dk.laeringsledelse.kernel.ErrorCode.CONFLICT;
import static dk.laeringsledelse.kernel.ErrorCode.NOT_FOUND;

class ActivityTest {

    private AggregateTestFixture<LearningCycle> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void givenTwoGoals_whenPlanActivityServingBoth_thenActivityPlannedAndActivityIdReturned() {
        fixture.given(cycleStarted(), goalSet(), goalSet(OTHER_GOAL_ID))
                .when(planActivity(GOAL_ID, OTHER_GOAL_ID))
                .expectEvents(activityPlanned(GOAL_ID, OTHER_GOAL_ID))
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(ACTIVITY_ID.value()));
    }

    @Test
    void givenOneGoal_whenPlanActivityServingAnUnknownGoal_thenNotFound() {
        fixture.given(cycleStarted(), goalSet())
                .when(planActivity(GOAL_ID, OTHER_GOAL_ID))
                .expectException(violation(NOT_FOUND, "goalIds[1]"))
                .expectExceptionMessage("goalIds[1] goal-2 does not exist in this cycle")
                .expectNoEvents();
    }

    @Test
    void givenGoalSet_whenPlanActivityServingNoGoal_thenRejected() {
        fixture.given(cycleStarted(), goalSet())
                .when(planActivity())
                .expectException(violation(BAD_REQUEST, "goalIds"))
                .expectExceptionMessage("goalIds must not be empty")
                .expectNoEvents();
    }

    @Test
    void givenGoalSet_whenPlanActivityNamingAGoalTwice_thenRejected() {
        fixture.given(cycleStarted(), goalSet())
                .when(planActivity(GOAL_ID, GOAL_ID))
                .expectException(violation(BAD_REQUEST, "goalIds[1]"))
                .expectNoEvents();
    }

    @Test
    void givenGoalSet_whenPlanActivityServing21Goals_thenRejected() {
        var goalIds = IntStream.range(0, 21).mapToObj(i -> GoalId.of("goal-" + i)).toArray(GoalId[]::new);
        fixture.given(cycleStarted(), goalSet())
                .when(planActivity(goalIds))
                .expectException(violation(BAD_REQUEST, "goalIds"))
                .expectExceptionMessage("goalIds must not have more than 20 elements")
                .expectNoEvents();
    }

    @Test
    void givenGoalSet_whenPlanActivityWithoutPlannedDate_thenRejected() {
        fixture.given(cycleStarted(), goalSet())
                .when(new PlanActivity(CYCLE_ID, ACTIVITY_ID, List.of(GOAL_ID), "Ordjagt", null, null, null))
                .expectException(violation(BAD_REQUEST, "plannedDate"))
                .expectExceptionMessage("plannedDate must be given")
                .expectNoEvents();
    }

    @Test
    void givenGoalSet_whenPlanActivityWithOptionalTextsLeftOut_thenActivityPlanned() {
        fixture.given(cycleStarted(), goalSet())
                .when(new PlanActivity(CYCLE_ID, ACTIVITY_ID, List.of(GOAL_ID), "Ordjagt", null, PLANNED_DATE, null))
                .expectEvents(new ActivityPlanned(CYCLE_ID, TEAM_ID, ACTIVITY_ID, List.of(GOAL_ID), "Ordjagt", null,
                        PLANNED_DATE, null));
    }

    @Test
    void givenActivityPlanned_whenPlanActivityWithSameId_thenConflict() {
        fixture.given(cycleStarted(), goalSet(), activityPlanned(GOAL_ID))
                .when(planActivity(GOAL_ID))
                .expectException(violation(CONFLICT, "activityId"))
                .expectNoEvents();
    }

    @Test
    void givenCycleCompleted_whenPlanActivity_thenRejected() {
        fixture.given(cycleStarted(), goalSet(), assessed(Attainment.NOT_YET), cycleCompleted())
                .when(planActivity(GOAL_ID))
                .expectException(violation(CONFLICT, "cycleId"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- carried out

    @Test
    void givenActivityPlanned_whenRecordActivityCarriedOut_thenActivityCarriedOut() {
        fixture.given(cycleStarted(), goalSet(), activityPlanned(GOAL_ID))
                .when(recordCarriedOut(CARRIED_OUT_ON))
                .expectEvents(activityCarriedOut());
    }

    @Test
    void givenActivityPlanned_whenRecordActivityCarriedOutTodayInCopenhagen_thenActivityCarriedOut() {
        fixture.given(cycleStarted(), goalSet(), activityPlanned(GOAL_ID))
                .when(recordCarriedOut(TODAY))
                .expectEvents(new ActivityCarriedOut(CYCLE_ID, TEAM_ID, ACTIVITY_ID, TODAY, "Regn; flyttet en dag"));
    }

    @Test
    void givenActivityPlanned_whenRecordActivityCarriedOutTomorrow_thenRejected() {
        fixture.given(cycleStarted(), goalSet(), activityPlanned(GOAL_ID))
                .when(recordCarriedOut(TODAY.plusDays(1)))
                .expectException(violation(BAD_REQUEST, "carriedOutOn"))
                .expectExceptionMessage("carriedOutOn must not be in the future (today is 2025-10-01)")
                .expectNoEvents();
    }

    @Test
    void givenActivityPlanned_whenRecordActivityCarriedOutBeforePlannedStart_thenRejected() {
        fixture.given(cycleStarted(), goalSet(), activityPlanned(GOAL_ID))
                .when(recordCarriedOut(PLANNED_START.minusDays(1)))
                .expectException(violation(BAD_REQUEST, "carriedOutOn"))
                .expectNoEvents();
    }

    @Test
    void givenActivityCarriedOut_whenRecordActivityCarriedOut_thenConflict() {
        fixture.given(cycleStarted(), goalSet(), activityPlanned(GOAL_ID), activityCarriedOut())
                .when(recordCarriedOut(CARRIED_OUT_ON))
                .expectException(violation(CONFLICT, "activityId"))
                .expectExceptionMessage("activityId activity-1 was already carried out")
                .expectNoEvents();
    }

    @Test
    void givenActivityCancelled_whenRecordActivityCarriedOut_thenConflict() {
        fixture.given(cycleStarted(), goalSet(), activityPlanned(GOAL_ID), activityCancelled())
                .when(recordCarriedOut(CARRIED_OUT_ON))
                .expectException(violation(CONFLICT, "activityId"))
                .expectExceptionMessage("activityId activity-1 was cancelled and cannot be carried out")
                .expectNoEvents();
    }

    @Test
    void givenNoActivity_whenRecordActivityCarriedOut_thenNotFound() {
        fixture.given(cycleStarted(), goalSet())
                .when(recordCarriedOut(CARRIED_OUT_ON))
                .expectException(violation(NOT_FOUND, "activityId"))
                .expectNoEvents();
    }

    @Test
    void givenCycleAbandoned_whenRecordActivityCarriedOut_thenRejected() {
        fixture.given(cycleStarted(), goalSet(), activityPlanned(GOAL_ID), cycleAbandoned())
                .when(recordCarriedOut(CARRIED_OUT_ON))
                .expectException(violation(CONFLICT, "cycleId"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- cancelled

    @Test
    void givenActivityPlanned_whenCancelActivity_thenActivityCancelled() {
        fixture.given(cycleStarted(), goalSet(), activityPlanned(GOAL_ID))
                .when(cancelActivity())
                .expectEvents(activityCancelled());
    }

    @Test
    void givenActivityPlanned_whenCancelActivityWithoutReason_thenRejected() {
        fixture.given(cycleStarted(), goalSet(), activityPlanned(GOAL_ID))
                .when(new CancelActivity(CYCLE_ID, ACTIVITY_ID, " "))
                .expectException(violation(BAD_REQUEST, "reason"))
                .expectNoEvents();
    }

    @Test
    void givenActivityCancelled_whenCancelActivity_thenConflict() {
        fixture.given(cycleStarted(), goalSet(), activityPlanned(GOAL_ID), activityCancelled())
                .when(cancelActivity())
                .expectException(violation(CONFLICT, "activityId"))
                .expectExceptionMessage("activityId activity-1 was already cancelled")
                .expectNoEvents();
    }

    @Test
    void givenActivityCarriedOut_whenCancelActivity_thenConflict() {
        fixture.given(cycleStarted(), goalSet(), activityPlanned(GOAL_ID), activityCarriedOut())
                .when(cancelActivity())
                .expectException(violation(CONFLICT, "activityId"))
                .expectExceptionMessage("activityId activity-1 was carried out and cannot be cancelled")
                .expectNoEvents();
    }

    @Test
    void givenNoActivity_whenCancelActivity_thenNotFound() {
        fixture.given(cycleStarted())
                .when(cancelActivity())
                .expectException(violation(NOT_FOUND, "activityId"))
                .expectNoEvents();
    }
}
