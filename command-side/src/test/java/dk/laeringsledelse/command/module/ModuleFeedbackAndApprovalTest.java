package dk.laeringsledelse.command.module;

import dk.laeringsledelse.kernel.cycle.FeedbackId;
import dk.laeringsledelse.kernel.module.ApproveModuleAnswer;
import dk.laeringsledelse.kernel.module.GiveModuleFeedback;
import dk.laeringsledelse.kernel.module.Modules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dk.laeringsledelse.command.support.Expectations.outcome;
import static dk.laeringsledelse.command.support.Expectations.text;
import static dk.laeringsledelse.command.support.Expectations.violation;
import static dk.laeringsledelse.command.module.ModuleTestData.*;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;
import static dk.laeringsledelse.kernel.ErrorCode.CONFLICT;
import static dk.laeringsledelse.kernel.ErrorCode.NOT_FOUND;

/** Feedback on a version of a module answer, and approval of its latest version. */
class ModuleFeedbackAndApprovalTest {

    private AggregateTestFixture<ModuleAnswer> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    // ---------------------------------------------------------------- feedback

    @Test
    void givenVersionOneSubmitted_whenGiveModuleFeedback_thenFeedbackGivenAndFeedbackIdReturned() {
        fixture.given(submitted(1, ANSWER_1))
                .when(giveFeedback(1))
                .expectEvents(feedbackGiven(1))
                .expectResultMessagePayloadMatching(outcome(FEEDBACK_ID.value(), 1L));
    }

    @Test
    void givenVersionTwoSubmitted_whenGiveFeedbackOnVersionOne_thenFeedbackGiven() {
        fixture.given(submitted(1, ANSWER_1), submitted(2, ANSWER_2))
                .when(giveFeedback(1))
                .expectEvents(feedbackGiven(1));
    }

    @Test
    void givenFeedbackGiven_whenGiveMoreFeedbackOnTheSameVersion_thenFeedbackGiven() {
        FeedbackId second = FeedbackId.of("feedback-2");
        fixture.given(submitted(1, ANSWER_1), feedbackGiven(1))
                .when(giveFeedback(second, 1))
                .expectEvents(feedbackGiven(second, 1));
    }

    @Test
    void givenVersionOneSubmitted_whenGiveFeedbackOnVersionTwo_thenNotFound() {
        fixture.given(submitted(1, ANSWER_1))
                .when(giveFeedback(2))
                .expectException(violation(NOT_FOUND, "version"))
                .expectExceptionMessage("version 2 has not been submitted; the latest is 1")
                .expectNoEvents();
    }

    @Test
    void givenVersionOneSubmitted_whenGiveFeedbackOnVersionZero_thenRejected() {
        fixture.given(submitted(1, ANSWER_1))
                .when(giveFeedback(0))
                .expectException(violation(BAD_REQUEST, "version"))
                .expectExceptionMessage("version must be at least 1")
                .expectNoEvents();
    }

    @Test
    void givenNoAnswerSubmitted_whenGiveModuleFeedback_thenNotFoundNamingTheModule() {
        fixture.givenNoPriorActivity()
                .when(giveFeedback(1))
                .expectException(violation(NOT_FOUND, "moduleId"))
                .expectExceptionMessage("team team-1 has not submitted an answer to module TEAM_DATA_TO_PRACTICE")
                .expectNoEvents();
    }

    @Test
    void givenFeedbackGiven_whenGiveFeedbackWithTheSameId_thenConflict() {
        fixture.given(submitted(1, ANSWER_1), feedbackGiven(1), submitted(2, ANSWER_2))
                .when(giveFeedback(2))
                .expectException(violation(CONFLICT, "feedbackId"))
                .expectExceptionMessage("feedbackId feedback-1 already exists in this module answer")
                .expectNoEvents();
    }

    @Test
    void givenAnswerApproved_whenGiveModuleFeedback_thenConflict() {
        fixture.given(submitted(1, ANSWER_1), approved(1))
                .when(giveFeedback(1))
                .expectException(violation(CONFLICT, "moduleId"))
                .expectNoEvents();
    }

    @Test
    void givenVersionOneSubmitted_whenGiveFeedbackOf4001Characters_thenRejected() {
        fixture.given(submitted(1, ANSWER_1))
                .when(new GiveModuleFeedback(TEAM_ID, MODULE_ID, FEEDBACK_ID, 1, text(4001)))
                .expectException(violation(BAD_REQUEST, "text"))
                .expectExceptionMessage("text must not be longer than 4000 characters")
                .expectNoEvents();
    }

    @Test
    void givenVersionOneSubmitted_whenGiveFeedbackWithoutId_thenRejected() {
        fixture.given(submitted(1, ANSWER_1))
                .when(new GiveModuleFeedback(TEAM_ID, MODULE_ID, null, 1, FEEDBACK))
                .expectException(violation(BAD_REQUEST, "feedbackId"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenGiveFeedbackOnALeaderModule_thenNotFoundSinceTeamsNeverAnswerIt() {
        fixture.givenNoPriorActivity()
                .when(new GiveModuleFeedback(TEAM_ID, Modules.LEADER_MAPPING_RESULTS, FEEDBACK_ID, 1, FEEDBACK))
                .expectException(violation(NOT_FOUND, "moduleId"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- approval

    @Test
    void givenVersionOneSubmitted_whenApproveVersionOne_thenApprovedAndNothingReturned() {
        fixture.given(submitted(1, ANSWER_1))
                .when(approve(1))
                .expectEvents(approved(1))
                .expectResultMessagePayloadMatching(outcome(null, 1L));
    }

    @Test
    void givenVersionTwoAfterFeedback_whenApproveVersionTwo_thenApproved() {
        fixture.given(submitted(1, ANSWER_1), feedbackGiven(1), submitted(2, ANSWER_2))
                .when(approve(2))
                .expectEvents(approved(2));
    }

    @Test
    void givenVersionTwoSubmitted_whenApproveVersionOne_thenConflict() {
        fixture.given(submitted(1, ANSWER_1), submitted(2, ANSWER_2))
                .when(approve(1))
                .expectException(violation(CONFLICT, "version"))
                .expectExceptionMessage("version 1 was superseded by version 2; only the latest version can be approved")
                .expectNoEvents();
    }

    @Test
    void givenVersionOneSubmitted_whenApproveVersionTwo_thenNotFound() {
        fixture.given(submitted(1, ANSWER_1))
                .when(approve(2))
                .expectException(violation(NOT_FOUND, "version"))
                .expectNoEvents();
    }

    @Test
    void givenVersionOneSubmitted_whenApproveVersionZero_thenRejected() {
        fixture.given(submitted(1, ANSWER_1))
                .when(approve(0))
                .expectException(violation(BAD_REQUEST, "version"))
                .expectNoEvents();
    }

    @Test
    void givenAnswerApproved_whenApproveAgain_thenConflict() {
        fixture.given(submitted(1, ANSWER_1), approved(1))
                .when(approve(1))
                .expectException(violation(CONFLICT, "moduleId"))
                .expectExceptionMessage("the answer of team team-1 to module TEAM_DATA_TO_PRACTICE was already "
                        + "approved in version 1")
                .expectNoEvents();
    }

    @Test
    void givenNoAnswerSubmitted_whenApprove_thenNotFoundNamingTheModule() {
        fixture.givenNoPriorActivity()
                .when(approve(1))
                .expectException(violation(NOT_FOUND, "moduleId"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenApproveWithoutModule_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new ApproveModuleAnswer(TEAM_ID, null, 1))
                .expectException(violation(BAD_REQUEST, "moduleId"))
                .expectExceptionMessage("moduleId must be given")
                .expectNoEvents();
    }
}
