package dk.laeringsledelse.kernel.measurement;

import dk.laeringsledelse.kernel.cycle.TeamId;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of a measurement import: the figures of {@link RecordMeasurement} for the import's institution, and the
 * line of the file it came from, so that every error can name its line.
 *
 * @param line   1-based line number in the imported file (the header is line 1)
 * @param teamId optional: null for a figure about the whole institution
 */
public record MeasurementRow(
        int line,
        TeamId teamId,
        Round round,
        LocalDate measuredOn,
        IndicatorId indicator,
        BigDecimal value,
        BigDecimal scaleMin,
        BigDecimal scaleMax,
        int n) {
}
