package dk.laeringsledelse.command.measurement;

import dk.laeringsledelse.kernel.measurement.ImportMeasurements;
import dk.laeringsledelse.kernel.measurement.IndicatorId;
import dk.laeringsledelse.kernel.measurement.Indicators;
import dk.laeringsledelse.kernel.measurement.MeasurementCsv;
import dk.laeringsledelse.kernel.measurement.MeasurementImportRejected;
import dk.laeringsledelse.kernel.measurement.MeasurementRecorded;
import dk.laeringsledelse.kernel.measurement.MeasurementRow;
import dk.laeringsledelse.kernel.measurement.Round;
import dk.laeringsledelse.kernel.measurement.RowError;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dk.laeringsledelse.command.support.Expectations.outcome;
import static dk.laeringsledelse.command.support.Expectations.violation;
import static dk.laeringsledelse.command.measurement.MeasurementTestData.*;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

/** An import is all or nothing: every bad row is listed, and nothing is stored if there is one. */
class ImportMeasurementsTest {

    private AggregateTestFixture<InstitutionMeasurements> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void givenNoPriorActivity_whenImportValidRows_thenOneEventPerRowInRowOrder() {
        fixture.givenNoPriorActivity()
                .when(importRows(
                        row(2, Round.T1, T1_ON, "3.4"),
                        row(3, OTHER_TEAM_ID, Round.T1, T1_ON, LANGUAGE, "2.9", 18),
                        row(4, null, Round.T1, T1_ON, Indicators.WELL_BEING, "4.2", 80),
                        row(5, Round.T2, T2_ON, "3.9")))
                .expectEvents(
                        recorded(Round.T1, T1_ON, "3.4"),
                        recorded(OTHER_TEAM_ID, Round.T1, T1_ON, LANGUAGE, "2.9", 18),
                        recorded(null, Round.T1, T1_ON, Indicators.WELL_BEING, "4.2", 80),
                        recorded(Round.T2, T2_ON, "3.9"))
                .expectResultMessagePayloadMatching(outcome(INSTITUTION_ID.value(), 3L));
    }

    @Test
    void givenRecordedFigures_whenImportNewChangedAndIdenticalRows_thenRecordedAndCorrectedOnly() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"), recorded(OTHER_TEAM_ID, Round.T1, T1_ON, LANGUAGE, "2.9", 18))
                .when(new ImportMeasurements(INSTITUTION_ID, List.of(
                        row(2, Round.T1, T1_ON, "3.5"),
                        row(3, OTHER_TEAM_ID, Round.T1, T1_ON, LANGUAGE, "2.90", 18),
                        row(4, Round.T2, T2_ON, "3.9")), "Rettet eksport fra leverandøren"))
                .expectEvents(
                        corrected(Round.T1, T1_ON, "3.5", 22, "Rettet eksport fra leverandøren"),
                        recorded(Round.T2, T2_ON, "3.9"));
    }

    @Test
    void givenRecordedFigures_whenImportOnlyIdenticalRows_thenNoEvents() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"))
                .when(importRows(row(2, Round.T1, T1_ON, "3.4")))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(outcome(INSTITUTION_ID.value(), 0L))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenImportWithSeveralBadRows_thenEveryBadRowListedAndNothingStored() {
        fixture.givenNoPriorActivity()
                .when(importRows(
                        row(2, Round.T1, T1_ON, "3.4"),
                        row(3, Round.T2, T2_ON, "7"),
                        row(4, TEAM_ID, Round.T1, T1_ON, IndicatorId.of("HAPPINESS"), "3", 0),
                        row(5, OTHER_TEAM_ID, Round.T1, TODAY.plusDays(1), LANGUAGE, "3", 20),
                        row(6, OTHER_TEAM_ID, Round.T2, T2_ON, LANGUAGE, "3", 20)))
                .expectException(rejectedRows(at(3, "value"), at(4, "indicator"), at(4, "n"), at(5, "measuredOn")))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenImportBadRows_thenEachReasonNamesTheFieldAndTheRule() {
        MeasurementImportRejected rejected = rejection(importRows(
                row(2, Round.T1, T1_ON, "3.4"),
                row(3, Round.T2, T2_ON, "7")));

        assertThat(rejected.code()).isEqualTo(BAD_REQUEST);
        assertThat(rejected.rowErrors()).containsExactly(
                new RowError(3, "value", "value 7 must be within the scale 1 to 5"));
        assertThat(rejected.getMessage()).isEqualTo("the import was rejected and nothing was stored: 1 line has "
                + "errors: line 3: value 7 must be within the scale 1 to 5");
    }

    @Test
    void givenNoPriorActivity_whenImportTheSameRoundTwice_thenTheSecondLineNamesTheFirst() {
        MeasurementImportRejected rejected = rejection(importRows(
                row(2, Round.T1, T1_ON, "3.4"),
                row(3, Round.T1, T1_ON, "3.5")));

        assertThat(rejected.rowErrors()).containsExactly(new RowError(3, "round", "round T1 of team team-1 for "
                + "indicator LANGUAGE is already in line 2; a round may appear once per import"));
    }

    @Test
    void givenNoPriorActivity_whenImportRowsWhoseDatesAreOutOfRoundOrder_thenBothLinesListed() {
        MeasurementImportRejected rejected = rejection(importRows(
                row(2, Round.T1, T2_ON, "3.4"),
                row(3, Round.T2, T1_ON, "3.9")));

        assertThat(rejected.rowErrors()).containsExactly(
                new RowError(2, "measuredOn", "measuredOn 2026-03-13 of T1 must be before T2's measuredOn "
                        + "2025-03-14 (line 3) for the same team team-1 and indicator LANGUAGE"),
                new RowError(3, "measuredOn", "measuredOn 2025-03-14 of T2 must be after T1's measuredOn "
                        + "2026-03-13 (line 2) for the same team team-1 and indicator LANGUAGE"));
    }

    @Test
    void givenT2Recorded_whenImportT1AfterIt_thenRejectedNamingTheRecordedRound() {
        fixture.given(recorded(Round.T2, T2_ON, "3.9"))
                .when(importRows(row(2, Round.T1, T2_ON.plusDays(1), "3.4")))
                .expectException(rejectedRows(at(2, "measuredOn")))
                .expectExceptionMessage("the import was rejected and nothing was stored: 1 line has errors: line 2: "
                        + "measuredOn 2026-03-14 of T1 must be before T2's measuredOn 2026-03-13 (recorded) for the "
                        + "same team team-1 and indicator LANGUAGE")
                .expectNoEvents();
    }

    @Test
    void givenT1AndT2Recorded_whenImportCorrectsBothDatesTogether_thenAcceptedWhateverTheRowOrder() {
        // moving T1 after the recorded T2 is fine because the same import moves T2 later still
        fixture.given(recorded(Round.T1, T1_ON, "3.4"), recorded(Round.T2, T2_ON, "3.9"))
                .when(importRows(
                        row(2, Round.T1, T2_ON.plusDays(7), "3.4"),
                        row(3, Round.T2, T3_ON, "3.9")))
                .expectEvents(
                        corrected(Round.T1, T2_ON.plusDays(7), "3.4", 22, null),
                        corrected(Round.T2, T3_ON, "3.9", 22, null));
    }

    @Test
    void givenT1RecordedOnOneToFive_whenImportT2OnAnotherScale_thenRejected() {
        fixture.given(recorded(Round.T1, T1_ON, "3.4"))
                .when(importRows(new MeasurementRow(2, TEAM_ID, Round.T2, T2_ON, LANGUAGE, dec("7"), dec("1"),
                        dec("10"), 22)))
                .expectException(rejectedRows(at(2, "scaleMax")))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenImportNoRows_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(importRows())
                .expectException(violation(BAD_REQUEST, "rows"))
                .expectExceptionMessage("rows must not be empty")
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenImportMoreThanMaxRows_thenRejected() {
        List<MeasurementRow> rows = new ArrayList<>();
        for (int i = 0; i <= MeasurementCsv.MAX_ROWS; i++) {
            rows.add(row(i + 2, dk.laeringsledelse.kernel.cycle.TeamId.of("team-" + i), Round.T1, T1_ON, LANGUAGE,
                    "3", 20));
        }
        fixture.givenNoPriorActivity()
                .when(new ImportMeasurements(INSTITUTION_ID, rows, null))
                .expectException(violation(BAD_REQUEST, "rows"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenImportRowWithoutLineNumber_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(importRows(row(0, Round.T1, T1_ON, "3.4")))
                .expectException(violation(BAD_REQUEST, "rows[0].line"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenImportANullRow_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(importRows(row(2, Round.T1, T1_ON, "3.4"), null))
                .expectException(violation(BAD_REQUEST, "rows[1]"))
                .expectNoEvents();
    }

    @Test
    void givenACsvExport_whenParsedAndImported_thenEveryRowRecorded() {
        var commands = MeasurementCsv.parse("institution,team,round,measuredOn,indicator,value,scaleMin,scaleMax,n\n"
                + "solsikken,team-1,T1,2025-03-14,LANGUAGE,3.4,1,5,22\n"
                + "solsikken,team-1,T2,2026-03-13,LANGUAGE,3.9,1,5,22\n").commands("csv", null);

        assertThat(commands).hasSize(1);
        fixture.givenNoPriorActivity()
                .when(commands.get(0))
                .expectEvents(recorded(Round.T1, T1_ON, "3.4"), recorded(Round.T2, T2_ON, "3.9"));
    }

    private MeasurementImportRejected rejection(ImportMeasurements command) {
        List<MeasurementImportRejected> caught = new ArrayList<>();
        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(new org.hamcrest.TypeSafeMatcher<>(Object.class) {
                    @Override
                    protected boolean matchesSafely(Object item) {
                        if (item instanceof MeasurementImportRejected rejected) {
                            caught.add(rejected);
                            return true;
                        }
                        return false;
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("a MeasurementImportRejected");
                    }
                });
        return caught.get(0);
    }

}
