package dk.laeringsledelse.command.module;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dk.laeringsledelse.command.support.Expectations.keyed;
import static dk.laeringsledelse.command.support.Expectations.outcome;
import static dk.laeringsledelse.command.support.Expectations.recordedKey;
import static dk.laeringsledelse.command.support.Expectations.violation;
import static dk.laeringsledelse.command.support.Expectations.withKey;
import static dk.laeringsledelse.command.module.ModuleTestData.*;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;
import static dk.laeringsledelse.kernel.ErrorCode.CONFLICT;

/**
 * A command repeated with the same idempotency key and content returns the earlier result and stores nothing new;
 * with other content it is a CONFLICT; keys are scoped per command type and person.
 */
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
                .expectEvents(GenericEventMessage.asEventMessage(submitted(1, ANSWER_1))
                        .withMetaData(recordedKey(submit(ANSWER_1), KEY)));
    }

    @Test
    void givenSubmittedWithKey_whenSubmitWithSameKeyAndAnswer_thenAnswerIdAndNoNewVersion() {
        fixture.given(List.of(keyed(submitted(1, ANSWER_1), submit(ANSWER_1), KEY)))
                .when(submit(ANSWER_1), withKey(KEY))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(outcome(ANSWER_ID.value(), 0L))
                .expectNoEvents();
    }

    @Test
    void givenSubmittedWithKey_whenSubmitWithSameKeyAndAnotherAnswer_thenConflictAndNoNewVersion() {
        fixture.given(List.of(keyed(submitted(1, ANSWER_1), submit(ANSWER_1), KEY)))
                .when(submit(ANSWER_2), withKey(KEY))
                .expectException(violation(CONFLICT, "idempotencyKey"))
                .expectExceptionMessage("idempotencyKey key-1 was already used for a different SubmitModuleAnswer"
                        + " request; use a new key for a new request")
                .expectNoEvents();
    }

    @Test
    void givenFeedbackGivenWithKey_whenGiveFeedbackWithSameKey_thenFeedbackIdAndNoEvents() {
        fixture.given(List.of(submitted(1, ANSWER_1), keyed(feedbackGiven(1), giveFeedback(1), KEY)))
                .when(giveFeedback(1), withKey(KEY))
                .expectResultMessagePayloadMatching(outcome(FEEDBACK_ID.value(), 1L))
                .expectNoEvents();
    }

    @Test
    void givenApprovedWithKey_whenApproveWithSameKey_thenNothingAndNoEvents() {
        fixture.given(List.of(submitted(1, ANSWER_1), keyed(approved(1), approve(1), KEY)))
                .when(approve(1), withKey(KEY))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(outcome(null, 1L))
                .expectNoEvents();
    }

    @Test
    void givenSubmittedWithKey_whenApproveWithSameKey_thenApproved() {
        // keys are scoped per command type: the approval's key is its own
        fixture.given(List.of(keyed(submitted(1, ANSWER_1), submit(ANSWER_1), KEY)))
                .when(approve(1), withKey(KEY))
                .expectEvents(GenericEventMessage.asEventMessage(approved(1))
                        .withMetaData(recordedKey(approve(1), KEY)));
    }

    @Test
    void givenNoPriorActivity_whenSubmitWithKeyOf201Characters_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(submit(ANSWER_1), withKey("k".repeat(201)))
                .expectException(violation(BAD_REQUEST, "idempotencyKey"))
                .expectNoEvents();
    }
}
