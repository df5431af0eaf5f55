package dk.laeringsledelse.command.cycle;

import dk.laeringsledelse.kernel.cycle.Attainment;
import dk.laeringsledelse.kernel.cycle.AuthorRole;
import dk.laeringsledelse.kernel.cycle.FeedbackAbout;
import dk.laeringsledelse.kernel.cycle.FeedbackAboutKind;
import dk.laeringsledelse.kernel.cycle.GiveFeedback;
import dk.laeringsledelse.kernel.cycle.RecordReflection;
import dk.laeringsledelse.kernel.cycle.RespondToFeedback;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dk.laeringsledelse.command.cycle.CycleTestData.*;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;
import static dk.laeringsledelse.kernel.ErrorCode.CONFLICT;
import static dk.laeringsledelse.kernel.ErrorCode.NOT_FOUND;

class FeedbackAndReflectionTest {

    private AggregateTestFixture<LearningCycle> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void givenCycleStarted_whenGiveFeedbackAboutTheCycle_thenFeedbackGivenAndFeedbackIdReturned() {
        fixture.given(cycleStarted())
                .when(giveFeedback(FeedbackAbout.cycle()))
                .expectEvents(feedbackGiven(FeedbackAbout.cycle()))
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(FEEDBACK_ID.value()));
    }

    @Test
    void givenGoalActivitySignAndAssessment_whenGiveFeedbackAboutEach_thenFeedbackGiven() {
        var history = new Object[]{cycleStarted(), goalSet(), activityPlanned(GOAL_ID),
                signDocumented(SIGN_ID, GOAL_ID), assessed(Attainment.PARTLY, SIGN_ID)};
        for (FeedbackAbout about : new FeedbackAbout[]{FeedbackAbout.goal(GOAL_ID), FeedbackAbout.activity(ACTIVITY_ID),
                FeedbackAbout.sign(SIGN_ID), FeedbackAbout.assessment(ASSESSMENT_ID)}) {
            fixture.given(history)
                    .when(giveFeedback(about))
                    .expectEvents(feedbackGiven(about));
        }
    }

    @Test
    void givenCycleStarted_whenGiveFeedbackAboutUnknownGoalActivitySignOrAssessment_thenNotFound() {
        for (FeedbackAbout about : new FeedbackAbout[]{FeedbackAbout.goal(GOAL_ID), FeedbackAbout.activity(ACTIVITY_ID),
                FeedbackAbout.sign(SIGN_ID), FeedbackAbout.assessment(ASSESSMENT_ID)}) {
            fixture.given(cycleStarted())
                    .when(giveFeedback(about))
                    .expectException(violation(NOT_FOUND, "about.referenceId"))
                    .expectNoEvents();
        }
    }

    @Test
    void givenCycleStarted_whenGiveFeedbackAboutTheCycleWithReferenceId_thenRejected() {
        fixture.given(cycleStarted())
                .when(giveFeedback(new FeedbackAbout(FeedbackAboutKind.CYCLE, "cycle-1")))
                .expectException(violation(BAD_REQUEST, "about.referenceId"))
                .expectExceptionMessage("about.referenceId must be empty for CYCLE")
                .expectNoEvents();
    }

    @Test
    void givenGoalSet_whenGiveFeedbackAboutAGoalWithoutReferenceId_thenRejected() {
        fixture.given(cycleStarted(), goalSet())
                .when(giveFeedback(new FeedbackAbout(FeedbackAboutKind.GOAL, null)))
                .expectException(violation(BAD_REQUEST, "about.referenceId"))
                .expectNoEvents();
    }

    @Test
    void givenCycleStarted_whenGiveFeedbackWithoutAuthorRoleOrWithTooLongText_thenRejected() {
        fixture.given(cycleStarted())
                .when(new GiveFeedback(CYCLE_ID, FEEDBACK_ID, FeedbackAbout.cycle(), null, "Godt"))
                .expectException(violation(BAD_REQUEST, "authorRole"))
                .expectNoEvents();
        fixture.given(cycleStarted())
                .when(new GiveFeedback(CYCLE_ID, FEEDBACK_ID, FeedbackAbout.cycle(), AuthorRole.PEER, text(4001)))
                .expectException(violation(BAD_REQUEST, "text"))
                .expectExceptionMessage("text must not be longer than 4000 characters")
                .expectNoEvents();
    }

    @Test
    void givenFeedbackGiven_whenGiveFeedbackWithSameId_thenConflict() {
        fixture.given(cycleStarted(), feedbackGiven(FeedbackAbout.cycle()))
                .when(giveFeedback(FeedbackAbout.cycle()))
                .expectException(violation(CONFLICT, "feedbackId"))
                .expectNoEvents();
    }

    @Test
    void givenCycleCompleted_whenGiveFeedback_thenRejected() {
        fixture.given(cycleStarted(), goalSet(), assessed(Attainment.NOT_YET), cycleCompleted())
                .when(giveFeedback(FeedbackAbout.cycle()))
                .expectException(violation(CONFLICT, "cycleId"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- respond

    @Test
    void givenFeedbackGiven_whenRespondToFeedback_thenFeedbackResponded() {
        fixture.given(cycleStarted(), feedbackGiven(FeedbackAbout.cycle()))
                .when(respondToFeedback())
                .expectEvents(feedbackResponded())
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(null));
    }

    @Test
    void givenFeedbackResponded_whenRespondToFeedbackAgain_thenConflict() {
        fixture.given(cycleStarted(), feedbackGiven(FeedbackAbout.cycle()), feedbackResponded())
                .when(respondToFeedback())
                .expectException(violation(CONFLICT, "feedbackId"))
                .expectExceptionMessage("feedbackId feedback-1 already has a response")
                .expectNoEvents();
    }

    @Test
    void givenNoFeedback_whenRespondToFeedback_thenNotFound() {
        fixture.given(cycleStarted())
                .when(respondToFeedback())
                .expectException(violation(NOT_FOUND, "feedbackId"))
                .expectNoEvents();
    }

    @Test
    void givenFeedbackGiven_whenRespondToFeedbackWithBlankText_thenRejected() {
        fixture.given(cycleStarted(), feedbackGiven(FeedbackAbout.cycle()))
                .when(new RespondToFeedback(CYCLE_ID, FEEDBACK_ID, " "))
                .expectException(violation(BAD_REQUEST, "text"))
                .expectNoEvents();
    }

    @Test
    void givenCycleCompleted_whenRespondToFeedback_thenRejected() {
        fixture.given(cycleStarted(), goalSet(), assessed(Attainment.NOT_YET), feedbackGiven(FeedbackAbout.cycle()),
                        cycleCompleted())
                .when(respondToFeedback())
                .expectException(violation(CONFLICT, "cycleId"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- reflection

    @Test
    void givenCycleStarted_whenRecordReflection_thenReflectionRecordedAndReflectionIdReturned() {
        fixture.given(cycleStarted())
                .when(recordReflection())
                .expectEvents(reflectionRecorded())
                .expectResultMessagePayloadMatching(CycleTestData.outcomeCreating(REFLECTION_ID.value()));
    }

    @Test
    void givenReflectionRecorded_whenRecordReflectionWithSameId_thenConflict() {
        fixture.given(cycleStarted(), reflectionRecorded())
                .when(recordReflection())
                .expectException(violation(CONFLICT, "reflectionId"))
                .expectNoEvents();
    }

    @Test
    void givenCycleStarted_whenRecordReflectionWithoutAdjustments_thenRejected() {
        fixture.given(cycleStarted())
                .when(new RecordReflection(CYCLE_ID, REFLECTION_ID, "Små grupper virker", null))
                .expectException(violation(BAD_REQUEST, "plannedAdjustments"))
                .expectNoEvents();
    }

    @Test
    void givenCycleAbandoned_whenRecordReflection_thenRejected() {
        fixture.given(cycleStarted(), cycleAbandoned())
                .when(recordReflection())
                .expectException(violation(CONFLICT, "cycleId"))
                .expectNoEvents();
    }
}
