package dk.laeringsledelse.command.measurement;

import dk.laeringsledelse.kernel.measurement.IndicatorId;
import dk.laeringsledelse.kernel.measurement.Indicators;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.measurement.MeasurementCorrected;
import dk.laeringsledelse.kernel.measurement.MeasurementRecorded;
import dk.laeringsledelse.kernel.measurement.RecordMeasurement;
import dk.laeringsledelse.kernel.measurement.Round;
import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dk.laeringsledelse.command.support.Expectations.outcome;
import static dk.laeringsledelse.command.support.Expectations.text;
import static dk.laeringsledelse.command.support.Expectations.violation;
import static dk.laeringsledelse.command.measurement.MeasurementTestData.*;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;
import static dk.laeringsledelse.kernel.ErrorCode.CONFLICT;

/** Recording one figure: input rules, round order, one scale per series, corrections and identical re-records. */
class RecordMeasurementTest {

    private AggregateTestFixture<InstitutionMeasurements> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    // ---------------------------------------------------------------- recorded

    @Test
    void givenNoPriorActivity_whenRecordMeasurement_thenMeasurementRecordedAndInstitutionIdReturned() {
        fixture.givenNoPriorActivity()
                .when(record(Round.T1, T1_ON, "3.40"))
                .expectEvents(recorded(Round.T1, T1_ON, "3.40"))
                .expectResultMessagePayloadMatching(outcome(INSTITUTION_ID.value(), 0L));
    }

    @Test
    void givenNoPriorActivity_whenRecordMeasurementWithoutTeam_thenRecordedForTheInstitution() {
        fixture.givenNoPriorActivity()
                .when(withScale(record(null, Round.T1, T1_ON, Indicators.TRUST_IN_INSTITUTION, "78.5", 64), "0", "100"))
                .expectEvents(new MeasurementRecorded(INSTITUTION_ID, null, Round.T1, T1_ON,
                        Indicators.TRUST_IN_INSTITUTION, dec("78.5"), dec("0"), dec("100"), 64));
    }

    @Test
    void givenT1Recorded_whenRecordT2AfterIt_thenRecorded() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"))
                .when(record(Round.T2, T2_ON, "3.9"))
                .expectEvents(recorded(Round.T2, T2_ON, "3.9"))
                .expectResultMessagePayloadMatching(outcome(INSTITUTION_ID.value(), 1L));
    }

    @Test
    void givenNoPriorActivity_whenRecordT2First_thenRecorded() {
        fixture.givenNoPriorActivity()
                .when(record(Round.T2, T2_ON, "3.9"))
                .expectEvents(recorded(Round.T2, T2_ON, "3.9"));
    }

    @Test
    void givenT1Recorded_whenRecordTodayInCopenhagenWhileStillYesterdayInUtc_thenRecorded() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"))
                .when(record(Round.T2, TODAY, "3.9"))
                .expectEvents(recorded(Round.T2, TODAY, "3.9"));
    }

    @Test
    void givenValueOnTheScalesBounds_whenRecord_thenRecorded() {
        fixture.given(recorded(Round.T1, T1_ON, "1"))
                .when(record(Round.T2, T2_ON, "5"))
                .expectEvents(recorded(Round.T2, T2_ON, "5"));
    }

    // ---------------------------------------------------------------- round order

    @Test
    void givenT1Recorded_whenRecordT2OnTheSameDay_thenConflict() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"))
                .when(record(Round.T2, T1_ON, "3.9"))
                .expectException(violation(CONFLICT, "measuredOn"))
                .expectExceptionMessage("measuredOn 2025-03-14 of T2 must be after T1's measuredOn 2025-03-14 "
                        + "(recorded) for the same team team-1 and indicator LANGUAGE")
                .expectNoEvents();
    }

    @Test
    void givenT1Recorded_whenRecordT2BeforeIt_thenConflict() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"))
                .when(record(Round.T2, T1_ON.minusDays(1), "3.9"))
                .expectException(violation(CONFLICT, "measuredOn"))
                .expectNoEvents();
    }

    @Test
    void givenT2Recorded_whenRecordT1AfterIt_thenConflict() {
        fixture.given(recorded(Round.T2, T2_ON, "3.9"))
                .when(record(Round.T1, T2_ON.plusDays(1), "3.4"))
                .expectException(violation(CONFLICT, "measuredOn"))
                .expectExceptionMessage("measuredOn 2026-03-14 of T1 must be before T2's measuredOn 2026-03-13 "
                        + "(recorded) for the same team team-1 and indicator LANGUAGE")
                .expectNoEvents();
    }

    @Test
    void givenT1AndT3Recorded_whenRecordT2AfterT3_thenConflict() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"), recorded(Round.T3, T3_ON, "4.1"))
                .when(record(Round.T2, T3_ON.plusDays(1), "3.9"))
                .expectException(violation(CONFLICT, "measuredOn"))
                .expectNoEvents();
    }

    @Test
    void givenT1AndT3Recorded_whenRecordT2BetweenThem_thenRecorded() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"), recorded(Round.T3, T3_ON, "4.1"))
                .when(record(Round.T2, T2_ON, "3.9"))
                .expectEvents(recorded(Round.T2, T2_ON, "3.9"));
    }

    @Test
    void givenT1OfAnotherTeamAndAnotherIndicator_whenRecordT2BeforeThem_thenRecordedSinceSeriesAreIndependent() {
        fixture.given(recorded(OTHER_TEAM_ID, Round.T1, T2_ON, LANGUAGE, "3.4", 20),
                        recorded(TEAM_ID, Round.T1, T2_ON, Indicators.WELL_BEING, "3.4", 20),
                        recorded(null, Round.T1, T2_ON, LANGUAGE, "3.4", 80))
                .when(record(Round.T2, T1_ON, "3.9"))
                .expectEvents(recorded(Round.T2, T1_ON, "3.9"));
    }

    // ---------------------------------------------------------------- scale and value

    @Test
    void givenNoPriorActivity_whenRecordValueAboveTheScale_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(record(Round.T1, T1_ON, "5.01"))
                .expectException(violation(BAD_REQUEST, "value"))
                .expectExceptionMessage("value 5.01 must be within the scale 1 to 5")
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenRecordValueBelowTheScale_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(record(Round.T1, T1_ON, "0.99"))
                .expectException(violation(BAD_REQUEST, "value"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenRecordWithScaleMinEqualToScaleMax_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(recordOnScale(Round.T1, T1_ON, "3", "3", "3"))
                .expectException(violation(BAD_REQUEST, "scaleMax"))
                .expectExceptionMessage("scaleMax 3 must be greater than scaleMin 3")
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenRecordWithScaleMinAboveScaleMax_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(recordOnScale(Round.T1, T1_ON, "3", "5", "1"))
                .expectException(violation(BAD_REQUEST, "scaleMax"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenRecordOnANegativeScale_thenRecorded() {
        fixture.givenNoPriorActivity()
                .when(recordOnScale(Round.T1, T1_ON, "-0.5", "-2", "2"))
                .expectEvents(new MeasurementRecorded(INSTITUTION_ID, TEAM_ID, Round.T1, T1_ON, LANGUAGE,
                        dec("-0.5"), dec("-2"), dec("2"), 22));
    }

    @Test
    void givenT1RecordedOnOneToFive_whenRecordT2OnOneToTen_thenConflict() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"))
                .when(recordOnScale(Round.T2, T2_ON, "7", "1", "10"))
                .expectException(violation(CONFLICT, "scaleMax"))
                .expectExceptionMessage("the scale 1 to 10 of T2 must be the scale 1 to 5 of T1 (recorded) for the "
                        + "same team team-1 and indicator LANGUAGE; every round of a series is measured on one scale")
                .expectNoEvents();
    }

    @Test
    void givenT1RecordedOnOneToFive_whenRecordT2OnOnePointZeroToFivePointZero_thenRecordedAsTheSameScale() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"))
                .when(recordOnScale(Round.T2, T2_ON, "3.9", "1.0", "5.00"))
                .expectEvents(new MeasurementRecorded(INSTITUTION_ID, TEAM_ID, Round.T2, T2_ON, LANGUAGE,
                        dec("3.9"), dec("1.0"), dec("5.00"), 22));
    }

    @Test
    void givenOnlyT1Recorded_whenRecordT1AgainOnAnotherScale_thenCorrected() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"))
                .when(recordOnScale(Round.T1, T1_ON, "68", "0", "100"))
                .expectEvents(new MeasurementCorrected(INSTITUTION_ID, TEAM_ID, Round.T1, T1_ON, LANGUAGE,
                        dec("68"), dec("0"), dec("100"), 22, null));
    }

    @Test
    void givenNoPriorActivity_whenRecordValueWithSevenDecimals_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(record(Round.T1, T1_ON, "3.1234567"))
                .expectException(violation(BAD_REQUEST, "value"))
                .expectExceptionMessage("value must not have more than 6 decimals")
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenRecordScaleOfABillion_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(recordOnScale(Round.T1, T1_ON, "3", "1", "1E+9"))
                .expectException(violation(BAD_REQUEST, "scaleMax"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- other input

    @Test
    void givenNoPriorActivity_whenRecordWithNoRespondents_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(record(TEAM_ID, Round.T1, T1_ON, LANGUAGE, "3.4", 0))
                .expectException(violation(BAD_REQUEST, "n"))
                .expectExceptionMessage("n must be at least 1 (the number of children or respondents)")
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenRecordUnknownIndicator_thenRejectedNamingTheField() {
        fixture.givenNoPriorActivity()
                .when(record(TEAM_ID, Round.T1, T1_ON, IndicatorId.of("HAPPINESS"), "3.4", 22))
                .expectException(violation(BAD_REQUEST, "indicator"))
                .expectExceptionMessage("indicator HAPPINESS is not a known indicator; known are LANGUAGE, "
                        + "SOCIAL_DEVELOPMENT, PERSONAL_DEVELOPMENT, BODY_SENSES_AND_MOVEMENT, "
                        + "NATURE_OUTDOOR_LIFE_AND_SCIENCE, CULTURE_AESTHETICS_AND_COMMUNITY, WELL_BEING, "
                        + "TRUST_IN_INSTITUTION")
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenRecordMeasuredTomorrow_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(record(Round.T1, TODAY.plusDays(1), "3.4"))
                .expectException(violation(BAD_REQUEST, "measuredOn"))
                .expectExceptionMessage("measuredOn 2026-06-02 must not be in the future (today is 2026-06-01)")
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenRecordWithoutRound_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(record(TEAM_ID, null, T1_ON, LANGUAGE, "3.4", 22))
                .expectException(violation(BAD_REQUEST, "round"))
                .expectExceptionMessage("round must be given")
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenRecordWithoutDate_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(record(Round.T1, null, "3.4"))
                .expectException(violation(BAD_REQUEST, "measuredOn"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenRecordWithoutValue_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new RecordMeasurement(INSTITUTION_ID, TEAM_ID, Round.T1, T1_ON, LANGUAGE, null, MIN, MAX, 22,
                        null))
                .expectException(violation(BAD_REQUEST, "value"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenRecordWithoutScaleMin_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new RecordMeasurement(INSTITUTION_ID, TEAM_ID, Round.T1, T1_ON, LANGUAGE, dec("3"), null, MAX,
                        22, null))
                .expectException(violation(BAD_REQUEST, "scaleMin"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenRecordWithoutIndicator_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(record(TEAM_ID, Round.T1, T1_ON, null, "3.4", 22))
                .expectException(violation(BAD_REQUEST, "indicator"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenRecordWithBlankTeamId_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(record(TeamId.of(" "), Round.T1, T1_ON, LANGUAGE, "3.4", 22))
                .expectException(violation(BAD_REQUEST, "teamId"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenRecordWithInstitutionIdOf101Characters_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new RecordMeasurement(InstitutionId.of(text(101)), TEAM_ID, Round.T1, T1_ON, LANGUAGE,
                        dec("3"), MIN, MAX, 22, null))
                .expectException(violation(BAD_REQUEST, "institutionId"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- corrections

    @Test
    void givenT1Recorded_whenRecordT1WithAnotherValue_thenCorrectedWithTheReason() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"))
                .when(withReason(record(Round.T1, T1_ON, "3.45"), "Et skema var talt med to gange"))
                .expectEvents(corrected(Round.T1, T1_ON, "3.45", 22, "Et skema var talt med to gange"))
                .expectResultMessagePayloadMatching(outcome(INSTITUTION_ID.value(), 1L));
    }

    @Test
    void givenT1Recorded_whenRecordT1WithOtherRespondentsAndNoReason_thenCorrectedWithoutReason() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"))
                .when(record(TEAM_ID, Round.T1, T1_ON, LANGUAGE, "3.4", 23))
                .expectEvents(corrected(Round.T1, T1_ON, "3.4", 23, null));
    }

    @Test
    void givenT1Corrected_whenRecordT1AsCorrected_thenNothingNew() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"), corrected(Round.T1, T1_ON, "3.45", 22, null))
                .when(record(Round.T1, T1_ON, "3.45"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenT1AndT2Recorded_whenCorrectT1ToADateAfterT2_thenConflict() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"), recorded(Round.T2, T2_ON, "3.9"))
                .when(record(Round.T1, T2_ON.plusDays(1), "3.4"))
                .expectException(violation(CONFLICT, "measuredOn"))
                .expectNoEvents();
    }

    @Test
    void givenT1Recorded_whenCorrectWithReasonOf4001Characters_thenRejected() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"))
                .when(withReason(record(Round.T1, T1_ON, "3.45"), text(4001)))
                .expectException(violation(BAD_REQUEST, "correctionReason"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- identical re-records

    @Test
    void givenT1Recorded_whenRecordT1Identically_thenNoEventsAndTheVersionUnchanged() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"))
                .when(record(Round.T1, T1_ON, "3.4"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(outcome(INSTITUTION_ID.value(), 0L))
                .expectNoEvents();
    }

    @Test
    void givenT1Recorded_whenRecordT1IdenticallyInAnotherNotation_thenNoEvents() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"))
                .when(recordOnScale(Round.T1, T1_ON, "3.40", "1.0", "5"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenT1Recorded_whenRecordT1IdenticallyWithAReason_thenNoEvents() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"))
                .when(withReason(record(Round.T1, T1_ON, "3.4"), "Genindlæst"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenNothingRecorded_whenReplayingRecordedAndCorrected_thenStateFollowsTheCorrection() {
        // the correction's scale becomes the series' scale: a T2 on the corrected scale is accepted
        fixture.given(List.of(recorded(Round.T1, T1_ON, "3.4"),
                        new MeasurementCorrected(INSTITUTION_ID, TEAM_ID, Round.T1, T1_ON, LANGUAGE, dec("68"),
                                dec("0"), dec("100"), 22, null)))
                .when(recordOnScale(Round.T2, T2_ON, "72", "0", "100"))
                .expectEvents(new MeasurementRecorded(INSTITUTION_ID, TEAM_ID, Round.T2, T2_ON, LANGUAGE, dec("72"),
                        dec("0"), dec("100"), 22));
    }
}
