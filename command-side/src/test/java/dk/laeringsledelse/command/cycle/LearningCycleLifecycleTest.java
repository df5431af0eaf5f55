package dk.laeringsledelse.command.cycle;

import dk.laeringsledelse.kernel.cycle.AbandonLearningCycle;
import dk.laeringsledelse.kernel.cycle.AssessmentId;
import dk.laeringsledelse.kernel.cycle.Attainment;
import dk.laeringsledelse.kernel.cycle.CompleteLearningCycle;
import dk.laeringsledelse.kernel.cycle.DataBasis;
import dk.laeringsledelse.kernel.cycle.LearningCycleStarted;
import dk.laeringsledelse.kernel.cycle.PlannedPeriod;
import dk.laeringsledelse.kernel.cycle.StartLearningCycle;
import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dk.laeringsledelse.command.cycle.CycleTestData.*;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;
import static dk.laeringsledelse.kernel.ErrorCode.CONFLICT;

/** Starting, completing and abandoning a cycle; an unknown cycle. */
class LearningCycleLifecycleTest {

    private AggregateTestFixture<LearningCycle> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void givenNoPriorActivity_whenStartLearningCycle_thenLearningCycleStartedAndCycleIdReturned() {
        fixture.givenNoPriorActivity()
                .when(startCycle())
                .expectEvents(cycleStarted())
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(CYCLE_ID.value()));
    }

    @Test
    void givenNoPriorActivity_whenStartLearningCycleEndingOnItsStartDay_thenStarted() {
        var period = new PlannedPeriod(PLANNED_START, PLANNED_START);
        fixture.givenNoPriorActivity()
                .when(new StartLearningCycle(CYCLE_ID, TEAM_ID, TITLE, period, DATA_BASIS))
                .expectEvents(new LearningCycleStarted(CYCLE_ID, TEAM_ID, TITLE, period, DATA_BASIS));
    }

    @Test
    void givenNoPriorActivity_whenStartLearningCycleEndingBeforeItStarts_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new StartLearningCycle(CYCLE_ID, TEAM_ID, TITLE,
                        new PlannedPeriod(PLANNED_START, PLANNED_START.minusDays(1)), DATA_BASIS))
                .expectException(violation(BAD_REQUEST, "plannedPeriod.end"))
                .expectExceptionMessage("plannedPeriod.end must not be before plannedPeriod.start")
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenStartLearningCycleWithTitleOf201Characters_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new StartLearningCycle(CYCLE_ID, TEAM_ID, text(201),
                        new PlannedPeriod(PLANNED_START, PLANNED_END), DATA_BASIS))
                .expectException(violation(BAD_REQUEST, "title"))
                .expectExceptionMessage("title must not be longer than 200 characters")
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenStartLearningCycleWithTitleOf200Characters_thenStarted() {
        var period = new PlannedPeriod(PLANNED_START, PLANNED_END);
        fixture.givenNoPriorActivity()
                .when(new StartLearningCycle(CYCLE_ID, TEAM_ID, text(200), period, DATA_BASIS))
                .expectEvents(new LearningCycleStarted(CYCLE_ID, TEAM_ID, text(200), period, DATA_BASIS));
    }

    @Test
    void givenNoPriorActivity_whenStartLearningCycleWithBlankTitle_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new StartLearningCycle(CYCLE_ID, TEAM_ID, "  ",
                        new PlannedPeriod(PLANNED_START, PLANNED_END), DATA_BASIS))
                .expectException(violation(BAD_REQUEST, "title"))
                .expectExceptionMessage("title must not be blank")
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenStartLearningCycleWithTooLongTeamId_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new StartLearningCycle(CYCLE_ID, TeamId.of(text(101)), TITLE,
                        new PlannedPeriod(PLANNED_START, PLANNED_END), DATA_BASIS))
                .expectException(violation(BAD_REQUEST, "teamId"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenStartLearningCycleWithoutFindings_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new StartLearningCycle(CYCLE_ID, TEAM_ID, TITLE, new PlannedPeriod(PLANNED_START, PLANNED_END),
                        new DataBasis(null, "Sprogvurdering")))
                .expectException(violation(BAD_REQUEST, "dataBasis.findings"))
                .expectNoEvents();
    }

    @Test
    void givenCycleStarted_whenStartLearningCycleWithSameIdAndNoKey_thenConflict() {
        fixture.given(cycleStarted())
                .when(startCycle())
                .expectException(violation(CONFLICT, "cycleId"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenSetLearningGoal_thenAggregateNotFound() {
        fixture.givenNoPriorActivity()
                .when(setGoal())
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- complete

    @Test
    void givenEveryGoalAssessed_whenCompleteLearningCycle_thenCompleted() {
        fixture.given(cycleStarted(), goalSet(), goalSet(OTHER_GOAL_ID),
                        assessed(Attainment.NOT_YET),
                        assessed(AssessmentId.of("assessment-2"), OTHER_GOAL_ID,
                                Attainment.PARTLY))
                .when(completeCycle())
                .expectEvents(cycleCompleted())
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(null));
    }

    @Test
    void givenNoGoals_whenCompleteLearningCycle_thenConflict() {
        fixture.given(cycleStarted())
                .when(completeCycle())
                .expectException(violation(CONFLICT, "cycleId"))
                .expectExceptionMessage("a cycle without learning goals cannot be completed")
                .expectNoEvents();
    }

    @Test
    void givenOneGoalNotAssessed_whenCompleteLearningCycle_thenConflict() {
        fixture.given(cycleStarted(), goalSet(), goalSet(OTHER_GOAL_ID), assessed(Attainment.PARTLY))
                .when(completeCycle())
                .expectException(violation(CONFLICT, "cycleId"))
                .expectExceptionMessage("goalId goal-2 has not been assessed; every goal must be assessed before completion")
                .expectNoEvents();
    }

    @Test
    void givenEveryGoalAssessed_whenCompleteLearningCycleWithoutSummary_thenRejected() {
        fixture.given(cycleStarted(), goalSet(), assessed(Attainment.NOT_YET))
                .when(new CompleteLearningCycle(CYCLE_ID, "", "Fortsæt"))
                .expectException(violation(BAD_REQUEST, "summary"))
                .expectNoEvents();
    }

    @Test
    void givenCycleCompleted_whenCompleteLearningCycle_thenConflict() {
        fixture.given(cycleStarted(), goalSet(), assessed(Attainment.NOT_YET), cycleCompleted())
                .when(completeCycle())
                .expectException(violation(CONFLICT, "cycleId"))
                .expectExceptionMessage("cycleId cycle-1 is completed; nothing can be added to it")
                .expectNoEvents();
    }

    @Test
    void givenCycleAbandoned_whenCompleteLearningCycle_thenConflict() {
        fixture.given(cycleStarted(), goalSet(), assessed(Attainment.NOT_YET), cycleAbandoned())
                .when(completeCycle())
                .expectException(violation(CONFLICT, "cycleId"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- abandon

    @Test
    void givenCycleStarted_whenAbandonLearningCycle_thenAbandoned() {
        fixture.given(cycleStarted())
                .when(abandonCycle())
                .expectEvents(cycleAbandoned());
    }

    @Test
    void givenCycleStarted_whenAbandonLearningCycleWithoutReason_thenRejected() {
        fixture.given(cycleStarted())
                .when(new AbandonLearningCycle(CYCLE_ID, null))
                .expectException(violation(BAD_REQUEST, "reason"))
                .expectNoEvents();
    }

    @Test
    void givenCycleAbandoned_whenAbandonLearningCycle_thenConflict() {
        fixture.given(cycleStarted(), cycleAbandoned())
                .when(abandonCycle())
                .expectException(violation(CONFLICT, "cycleId"))
                .expectExceptionMessage("cycleId cycle-1 is abandoned; nothing can be added to it")
                .expectNoEvents();
    }

    @Test
    void givenCycleCompleted_whenAbandonLearningCycle_thenConflict() {
        fixture.given(cycleStarted(), goalSet(), assessed(Attainment.NOT_YET), cycleCompleted())
                .when(abandonCycle())
                .expectException(violation(CONFLICT, "cycleId"))
                .expectNoEvents();
    }
}
