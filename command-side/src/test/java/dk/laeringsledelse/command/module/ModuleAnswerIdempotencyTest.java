package dk.laeringsledelse.command.module;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dk.laeringsledelse.command.support.Expectations.outcome;
import static dk.laeringsledelse.command.support.Expectations.violation;
import static dk.laeringsledelse.command.support.Expectations.withKey;
import static dk.laeringsledelse.command.module.ModuleTestData.*;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;
import static dk.laeringsledelse.kernel.ErrorCode.CONFLICT;

/** A command repeated with the same idempotency key returns the earlier result and stores nothing new. */
class ModuleAnswerIdempotencyTest {

    private AggregateTestFixture<ModuleAnswer> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void givenNoPriorActivity_whenSubmitWithKey_thenTheEventCarriesTheKey() {
        fixture.givenNoPriorActivity()
                .when(submit(ANSWER_1), withKey(KEY))
                .expectEvents(GenericEventMessage.asEventMessage(submitted(1, ANSWER_1)).withMetaData(withKey(KEY)));
    }

    @Test
    void givenSubmittedWithKey_whenSubmitWithSameKey_thenAnswerIdAndNoNewVersion() {
        fixture.given(List.of(withKey(submitted(1, ANSWER_1), KEY)))
                .when(submit(ANSWER_2), withKey(KEY))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(outcome(ANSWER_ID.value(), 0L))
                .expectNoEvents();
    }

    @Test
    void givenFeedbackGivenWithKey_whenGiveFeedbackWithSameKey_thenFeedbackIdAndNoEvents() {
        fixture.given(List.of(submitted(1, ANSWER_1), withKey(feedbackGiven(1), KEY)))
                .when(giveFeedback(1), withKey(KEY))
                .expectResultMessagePayloadMatching(outcome(FEEDBACK_ID.value(), 1L))
                .expectNoEvents();
    }

    @Test
    void givenApprovedWithKey_whenApproveWithSameKey_thenNothingAndNoEvents() {
        fixture.given(List.of(submitted(1, ANSWER_1), withKey(approved(1), KEY)))
                .when(approve(1), withKey(KEY))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(outcome(null, 1L))
                .expectNoEvents();
    }

    @Test
    void givenSubmittedWithKey_whenApproveWithSameKey_thenConflictOnTheKey() {
        fixture.given(List.of(withKey(submitted(1, ANSWER_1), KEY)))
                .when(approve(1), withKey(KEY))
                .expectException(violation(CONFLICT, "idempotencyKey"))
                .expectExceptionMessage("idempotencyKey was already used for SubmitModuleAnswer in this module answer")
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenSubmitWithKeyOf201Characters_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(submit(ANSWER_1), withKey("k".repeat(201)))
                .expectException(violation(BAD_REQUEST, "idempotencyKey"))
                .expectNoEvents();
    }
}
