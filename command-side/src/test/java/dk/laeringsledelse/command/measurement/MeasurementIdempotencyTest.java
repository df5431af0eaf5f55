package dk.laeringsledelse.command.measurement;

import dk.laeringsledelse.kernel.measurement.Round;
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
import static dk.laeringsledelse.command.measurement.MeasurementTestData.*;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;
import static dk.laeringsledelse.kernel.ErrorCode.CONFLICT;

/**
 * A command repeated with the same idempotency key and figures returns the earlier result and stores nothing new;
 * the same key with other figures is a CONFLICT; another person's key is another key.
 */
class MeasurementIdempotencyTest {

    private AggregateTestFixture<InstitutionMeasurements> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void givenNoPriorActivity_whenImportWithKey_thenEveryEventCarriesTheKey() {
        var command = importRows(row(2, Round.T1, T1_ON, "3.4"), row(3, Round.T2, T2_ON, "3.9"));
        fixture.givenNoPriorActivity()
                .when(command, withKey(KEY))
                .expectEvents(
                        GenericEventMessage.asEventMessage(recorded(Round.T1, T1_ON, "3.4"))
                                .withMetaData(recordedKey(command, KEY)),
                        GenericEventMessage.asEventMessage(recorded(Round.T2, T2_ON, "3.9"))
                                .withMetaData(recordedKey(command, KEY)));
    }

    @Test
    void givenImportedWithKey_whenTheSameImportComesAgain_thenEarlierResultAndNoEvents() {
        var command = importRows(row(2, Round.T1, T1_ON, "3.4"));
        fixture.given(List.of(keyed(recorded(Round.T1, T1_ON, "3.4"), command, KEY)))
                .when(importRows(row(2, Round.T1, T1_ON, "3.40")), withKey(KEY))
                .expectResultMessagePayloadMatching(outcome(INSTITUTION_ID.value(), 0L))
                .expectNoEvents();
    }

    @Test
    void givenImportedWithKey_whenTheSameKeyComesWithOtherFigures_thenConflictAndNoEvents() {
        fixture.given(List.of(keyed(recorded(Round.T1, T1_ON, "3.4"), importRows(row(2, Round.T1, T1_ON, "3.4")), KEY)))
                .when(importRows(row(2, Round.T1, T1_ON, "3.5")), withKey(KEY))
                .expectException(violation(CONFLICT, "idempotencyKey"))
                .expectNoEvents();
    }

    @Test
    void givenRecordedWithKey_whenRecordMeasurementWithSameKeyAndFigures_thenEarlierResultAndNoEvents() {
        fixture.given(List.of(keyed(recorded(Round.T1, T1_ON, "3.4"), record(Round.T1, T1_ON, "3.4"), KEY)))
                .when(record(Round.T1, T1_ON, "3.4"), withKey(KEY))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(outcome(INSTITUTION_ID.value(), 0L))
                .expectNoEvents();
    }

    @Test
    void givenRecordedWithKey_whenRecordMeasurementWithSameKeyAndOtherFigures_thenConflictAndNoEvents() {
        fixture.given(List.of(keyed(recorded(Round.T1, T1_ON, "3.4"), record(Round.T1, T1_ON, "3.4"), KEY)))
                .when(record(Round.T1, T1_ON, "3.5"), withKey(KEY))
                .expectException(violation(CONFLICT, "idempotencyKey"))
                .expectNoEvents();
    }

    @Test
    void givenRecordedWithKeyByOnePerson_whenAnotherPersonCorrectsWithTheSameKey_thenCorrected() {
        fixture.given(List.of(keyed(recorded(Round.T1, T1_ON, "3.4"), record(Round.T1, T1_ON, "3.4"), KEY, "person-a")))
                .when(record(Round.T1, T1_ON, "3.5"), withKey(KEY, "person-b"))
                .expectEvents(GenericEventMessage.asEventMessage(corrected(Round.T1, T1_ON, "3.5", 22, null))
                        .withMetaData(recordedKey(record(Round.T1, T1_ON, "3.5"), KEY)));
    }

    @Test
    void givenCorrectedWithKey_whenRecordMeasurementWithSameKey_thenNoEvents() {
        fixture.given(List.of(recorded(Round.T1, T1_ON, "3.4"),
                        keyed(corrected(Round.T1, T1_ON, "3.5", 22, null), record(Round.T1, T1_ON, "3.5"), KEY)))
                .when(record(Round.T1, T1_ON, "3.5"), withKey(KEY))
                .expectNoEvents();
    }

    @Test
    void givenRecordedWithKey_whenRecordMeasurementWithOtherKey_thenCorrected() {
        fixture.given(List.of(keyed(recorded(Round.T1, T1_ON, "3.4"), record(Round.T1, T1_ON, "3.4"), KEY)))
                .when(record(Round.T1, T1_ON, "3.5"), withKey("key-2"))
                .expectEvents(GenericEventMessage.asEventMessage(corrected(Round.T1, T1_ON, "3.5", 22, null))
                        .withMetaData(recordedKey(record(Round.T1, T1_ON, "3.5"), "key-2")));
    }

    @Test
    void givenNoPriorActivity_whenRecordMeasurementWithBlankKey_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(record(Round.T1, T1_ON, "3.4"), withKey(" "))
                .expectException(violation(BAD_REQUEST, "idempotencyKey"))
                .expectNoEvents();
    }
}
