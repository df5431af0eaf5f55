package dk.laeringsledelse.command.measurement;

import dk.laeringsledelse.kernel.measurement.Round;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dk.laeringsledelse.command.support.Expectations.outcome;
import static dk.laeringsledelse.command.support.Expectations.violation;
import static dk.laeringsledelse.command.support.Expectations.withKey;
import static dk.laeringsledelse.command.measurement.MeasurementTestData.*;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;

/** A command repeated with the same idempotency key returns the earlier result and stores nothing new. */
class MeasurementIdempotencyTest {

    private AggregateTestFixture<InstitutionMeasurements> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void givenNoPriorActivity_whenImportWithKey_thenEveryEventCarriesTheKey() {
        fixture.givenNoPriorActivity()
                .when(importRows(row(2, Round.T1, T1_ON, "3.4"), row(3, Round.T2, T2_ON, "3.9")), withKey(KEY))
                .expectEvents(
                        GenericEventMessage.asEventMessage(recorded(Round.T1, T1_ON, "3.4")).withMetaData(withKey(KEY)),
                        GenericEventMessage.asEventMessage(recorded(Round.T2, T2_ON, "3.9")).withMetaData(withKey(KEY)));
    }

    @Test
    void givenImportedWithKey_whenTheSameKeyComesWithOtherFigures_thenEarlierResultAndNoEvents() {
        fixture.given(List.of(withKey(recorded(Round.T1, T1_ON, "3.4"), KEY)))
                .when(importRows(row(2, Round.T1, T1_ON, "3.5")), withKey(KEY))
                .expectResultMessagePayloadMatching(outcome(INSTITUTION_ID.value(), 0L))
                .expectNoEvents();
    }

    @Test
    void givenRecordedWithKey_whenRecordMeasurementWithSameKey_thenEarlierResultAndNoEvents() {
        fixture.given(List.of(withKey(recorded(Round.T1, T1_ON, "3.4"), KEY)))
                .when(record(Round.T1, T1_ON, "3.5"), withKey(KEY))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(outcome(INSTITUTION_ID.value(), 0L))
                .expectNoEvents();
    }

    @Test
    void givenCorrectedWithKey_whenRecordMeasurementWithSameKey_thenNoEvents() {
        fixture.given(List.of(recorded(Round.T1, T1_ON, "3.4"), withKey(corrected(Round.T1, T1_ON, "3.5", 22, null), KEY)))
                .when(record(Round.T1, T1_ON, "3.6"), withKey(KEY))
                .expectNoEvents();
    }

    @Test
    void givenRecordedWithKey_whenRecordMeasurementWithOtherKey_thenCorrected() {
        fixture.given(List.of(withKey(recorded(Round.T1, T1_ON, "3.4"), KEY)))
                .when(record(Round.T1, T1_ON, "3.5"), withKey("key-2"))
                .expectEvents(GenericEventMessage.asEventMessage(corrected(Round.T1, T1_ON, "3.5", 22, null))
                        .withMetaData(withKey("key-2")));
    }

    @Test
    void givenNoPriorActivity_whenRecordMeasurementWithBlankKey_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(record(Round.T1, T1_ON, "3.4"), withKey(" "))
                .expectException(violation(BAD_REQUEST, "idempotencyKey"))
                .expectNoEvents();
    }
}
