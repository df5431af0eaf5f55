package dk.laeringsledelse.kernel.measurement;

import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.ErrorCode;
import dk.laeringsledelse.kernel.cycle.TeamId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeasurementCsvTest {

    private static final String HEADER = "institution,team,round,measuredOn,indicator,value,scaleMin,scaleMax,n\n";
    private static final InstitutionId SOLSIKKEN = InstitutionId.of("solsikken");
    private static final InstitutionId MAGLEHOJ = InstitutionId.of("maglehoj");

    @Test
    void givenWellFormedFile_whenParsed_thenRowsGroupedPerInstitutionWithTheirLineNumbers() {
        var result = MeasurementCsv.parse(HEADER
                + "solsikken,team-1,T1,2025-03-14,LANGUAGE,3.40,1,5,22\n"
                + "maglehoj,,T1,2025-03-20,TRUST_IN_INSTITUTION,78.5,0,100,64\n"
                + "solsikken,team-1,T2,2026-03-13,LANGUAGE,3.9,1,5,21\n");

        assertThat(result.isValid()).isTrue();
        assertThat(result.rowsByInstitution()).containsOnlyKeys(SOLSIKKEN, MAGLEHOJ);
        assertThat(result.rowsByInstitution().keySet()).containsExactly(SOLSIKKEN, MAGLEHOJ);
        assertThat(result.rowsByInstitution().get(SOLSIKKEN)).containsExactly(
                new MeasurementRow(2, TeamId.of("team-1"), Round.T1, LocalDate.of(2025, 3, 14), Indicators.LANGUAGE,
                        new BigDecimal("3.40"), BigDecimal.ONE, new BigDecimal("5"), 22),
                new MeasurementRow(4, TeamId.of("team-1"), Round.T2, LocalDate.of(2026, 3, 13), Indicators.LANGUAGE,
                        new BigDecimal("3.9"), BigDecimal.ONE, new BigDecimal("5"), 21));
        assertThat(result.rowsByInstitution().get(MAGLEHOJ)).singleElement()
                .satisfies(row -> assertThat(row.teamId()).isNull());
    }

    @Test
    void givenWellFormedFile_whenCommands_thenOneImportPerInstitution() {
        var commands = MeasurementCsv.parse(HEADER
                + "solsikken,team-1,T1,2025-03-14,LANGUAGE,3.40,1,5,22\n"
                + "maglehoj,,T1,2025-03-20,WELL_BEING,4,1,5,64\n").commands("csv", "Ny eksport");

        assertThat(commands).extracting(ImportMeasurements::institutionId).containsExactly(SOLSIKKEN, MAGLEHOJ);
        assertThat(commands).allSatisfy(command -> assertThat(command.correctionReason()).isEqualTo("Ny eksport"));
    }

    @Test
    void givenExcelStyleFile_whenParsed_thenBomCrlfQuotesBlankLinesAndCaseTolerated() {
        var result = MeasurementCsv.parse("\uFEFFInstitution,Team,Round,MeasuredOn,Indicator,Value,ScaleMin,ScaleMax,N\r\n"
                + "\r\n"
                + "\"solsikken\", \"team \"\"A\"\"\" ,t1,2025-03-14,language,3.4,1,5,22\r\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.rowsByInstitution().get(SOLSIKKEN)).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.teamId()).isEqualTo(TeamId.of("team \"A\""));
            assertThat(row.round()).isEqualTo(Round.T1);
            assertThat(row.indicator()).isEqualTo(Indicators.LANGUAGE);
        });
    }

    @Test
    void givenMalformedLines_whenParsed_thenEveryMalformedLineIsReportedWithItsNumberAndReason() {
        var result = MeasurementCsv.parse(HEADER
                + "solsikken,team-1,T1,2025-03-14,LANGUAGE,3.40,1,5,22\n"
                + "solsikken,team-1,T4,14-03-2025,LANGUAGE,3,1,5,22\n"
                + "solsikken,team-1,T2,2026-03-13,LANGUAGE,3,4,1,5,21\n"
                + ",team-1,T2,2026-03-13,LANGUAGE,x,1,5,2.5\n"
                + "solsikken,\"team-1,T3,2027-03-13,LANGUAGE,3,1,5,21\n");

        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).containsExactly(
                new RowError(3, "round", "round must be T1, T2 or T3, not 'T4'"),
                new RowError(3, "measuredOn", "measuredOn must be a date like 2025-03-14, not '14-03-2025'"),
                new RowError(4, "line", "line 4 has 10 fields, expected 9 "
                        + "(institution,team,round,measuredOn,indicator,value,scaleMin,scaleMax,n); "
                        + "decimals use a point, not a comma"),
                new RowError(5, "institution", "institution must not be empty"),
                new RowError(5, "value", "value must be a number like 3.5, not 'x'"),
                new RowError(5, "n", "n must be a whole number, not '2.5'"),
                new RowError(6, "line", "line 6 has a quote that is not closed"));
        assertThat(result.rowsByInstitution().get(SOLSIKKEN)).extracting(MeasurementRow::line).containsExactly(2);
    }

    @Test
    void givenMalformedLines_whenCommands_thenOneRejectionListingEveryLineAndNothingToSend() {
        var result = MeasurementCsv.parse(HEADER
                + "solsikken,team-1,T4,2025-03-14,LANGUAGE,3.40,1,5,22\n"
                + "solsikken,team-1,T1,2025-03-14,LANGUAGE,3.40,1,5,many\n");

        assertThatThrownBy(() -> result.commands("csv", null))
                .isInstanceOfSatisfying(MeasurementImportRejected.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(rejected.field()).isEqualTo("csv");
                    assertThat(rejected.rowErrors()).extracting(RowError::line).containsExactly(2, 3);
                    assertThat(rejected.getMessage()).startsWith(
                            "the import was rejected and nothing was stored: 2 lines have errors: line 2: round");
                });
    }

    @Test
    void givenWrongHeader_whenParsed_thenLineOneIsRejected() {
        var result = MeasurementCsv.parse("institution;team;round\nsolsikken;team-1;T1\n");

        assertThat(result.errors()).containsExactly(new RowError(1, "line",
                "line 1 must be the header institution,team,round,measuredOn,indicator,value,scaleMin,scaleMax,n"));
        assertThat(result.rowsByInstitution()).isEmpty();
    }

    @Test
    void givenHeaderOnlyOrNothing_whenParsed_thenNoDataRowsIsAnError() {
        assertThat(MeasurementCsv.parse(HEADER + "\n").errors()).extracting(RowError::reason)
                .containsExactly("the file has no data rows after the header");
        assertThat(MeasurementCsv.parse("").errors()).extracting(RowError::line).containsExactly(1);
        assertThat(MeasurementCsv.parse(null).isValid()).isFalse();
    }

    @Test
    void givenMoreThanMaxRows_whenParsed_thenTheFirstLineOverTheLimitIsReported() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i <= MeasurementCsv.MAX_ROWS; i++) {
            csv.append("solsikken,team-").append(i).append(",T1,2025-03-14,LANGUAGE,3,1,5,22\n");
        }

        assertThat(MeasurementCsv.parse(csv.toString()).errors()).singleElement()
                .satisfies(error -> assertThat(error.line()).isEqualTo(MeasurementCsv.MAX_ROWS + 2));
    }

    @Test
    void givenManyRowErrors_whenRejected_thenMessageListsTheFirstTenAndCountsTheRest() {
        List<RowError> errors = java.util.stream.IntStream.rangeClosed(2, 13)
                .mapToObj(line -> new RowError(line, "n", "n must be at least 1")).toList();

        var rejected = new MeasurementImportRejected("rows", errors);

        assertThat(rejected.getMessage()).contains("12 lines have errors", "line 11: n", "; and 2 more")
                .doesNotContain("line 12:");
        assertThat(rejected.rowErrors()).hasSize(12);
    }
}
