package dk.laeringsledelse.command.measurement;

import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.measurement.ImportMeasurements;
import dk.laeringsledelse.kernel.measurement.IndicatorId;
import dk.laeringsledelse.kernel.measurement.Indicators;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.measurement.MeasurementCorrected;
import dk.laeringsledelse.kernel.measurement.MeasurementImportRejected;
import dk.laeringsledelse.kernel.measurement.MeasurementRecorded;
import dk.laeringsledelse.kernel.measurement.MeasurementRow;
import dk.laeringsledelse.kernel.measurement.RecordMeasurement;
import dk.laeringsledelse.kernel.measurement.Round;
import dk.laeringsledelse.kernel.measurement.RowError;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/** Test data for measurements: constants first, then factories. Figures are "language, team 1, scale 1 to 5". */
final class MeasurementTestData {

    static final InstitutionId INSTITUTION_ID = InstitutionId.of("solsikken");
    static final TeamId TEAM_ID = TeamId.of("team-1");
    static final TeamId OTHER_TEAM_ID = TeamId.of("team-2");
    static final IndicatorId LANGUAGE = Indicators.LANGUAGE;
    static final BigDecimal MIN = new BigDecimal("1");
    static final BigDecimal MAX = new BigDecimal("5");
    static final LocalDate T1_ON = LocalDate.of(2025, 3, 14);
    static final LocalDate T2_ON = LocalDate.of(2026, 3, 13);
    static final LocalDate T3_ON = LocalDate.of(2026, 5, 29);
    /** "Today" in Copenhagen; the fixture's clock stands at 00:30 Danish time, still yesterday in UTC. */
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final Clock CLOCK = Clock.fixed(LocalDateTime.of(2026, 6, 1, 0, 30)
            .atZone(ZoneId.of("Europe/Copenhagen")).toInstant(), ZoneId.of("UTC"));
    static final String KEY = "key-1";

    private MeasurementTestData() {
    }

    static AggregateTestFixture<InstitutionMeasurements> fixture() {
        AggregateTestFixture<InstitutionMeasurements> fixture = new AggregateTestFixture<>(InstitutionMeasurements.class);
        fixture.registerInjectableResource(CLOCK);
        return fixture;
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    // ---------------------------------------------------------------- single records

    static RecordMeasurement record(Round round, LocalDate on, String value) {
        return record(TEAM_ID, round, on, LANGUAGE, value, 22);
    }

    static RecordMeasurement record(TeamId team, Round round, LocalDate on, IndicatorId indicator, String value, int n) {
        return new RecordMeasurement(INSTITUTION_ID, team, round, on, indicator, dec(value), MIN, MAX, n, null);
    }

    static RecordMeasurement recordOnScale(Round round, LocalDate on, String value, String min, String max) {
        return new RecordMeasurement(INSTITUTION_ID, TEAM_ID, round, on, LANGUAGE, dec(value), dec(min), dec(max), 22,
                null);
    }

    static RecordMeasurement withScale(RecordMeasurement c, String min, String max) {
        return new RecordMeasurement(c.institutionId(), c.teamId(), c.round(), c.measuredOn(), c.indicator(),
                c.value(), dec(min), dec(max), c.n(), c.correctionReason());
    }

    static RecordMeasurement withReason(RecordMeasurement c, String reason) {
        return new RecordMeasurement(c.institutionId(), c.teamId(), c.round(), c.measuredOn(), c.indicator(),
                c.value(), c.scaleMin(), c.scaleMax(), c.n(), reason);
    }

    static MeasurementRecorded recorded(Round round, LocalDate on, String value) {
        return recorded(TEAM_ID, round, on, LANGUAGE, value, 22);
    }

    static MeasurementRecorded recorded(TeamId team, Round round, LocalDate on, IndicatorId indicator, String value,
                                        int n) {
        return new MeasurementRecorded(INSTITUTION_ID, team, round, on, indicator, dec(value), MIN, MAX, n);
    }

    static MeasurementCorrected corrected(Round round, LocalDate on, String value, int n, String reason) {
        return new MeasurementCorrected(INSTITUTION_ID, TEAM_ID, round, on, LANGUAGE, dec(value), MIN, MAX, n, reason);
    }

    // ---------------------------------------------------------------- imports

    static MeasurementRow row(int line, Round round, LocalDate on, String value) {
        return row(line, TEAM_ID, round, on, LANGUAGE, value, 22);
    }

    static MeasurementRow row(int line, TeamId team, Round round, LocalDate on, IndicatorId indicator, String value,
                              int n) {
        return new MeasurementRow(line, team, round, on, indicator, dec(value), MIN, MAX, n);
    }

    static ImportMeasurements importRows(MeasurementRow... rows) {
        return new ImportMeasurements(INSTITUTION_ID, Arrays.asList(rows), null);
    }

    /** Matches a rejected import with exactly these row errors (line and field), in line order. */
    static Matcher<Object> rejectedRows(RowError... expected) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof MeasurementImportRejected rejected && rejected.field().equals("rows")
                        && rejected.rowErrors().stream().map(e -> new RowError(e.line(), e.field(), null)).toList()
                        .equals(Arrays.stream(expected).map(e -> new RowError(e.line(), e.field(), null)).toList());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an import rejected for rows " + List.of(expected));
            }
        };
    }

    /** A row error to match by line and field. */
    static RowError at(int line, String field) {
        return new RowError(line, field, null);
    }
}
