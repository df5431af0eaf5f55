package dk.laeringsledelse.kernel.measurement;

import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A group-level figure of a survey round was recorded for the first time for this institution/team, indicator and
 * round. Values are exact decimals as entered (e.g. {@code 3.40}); compare them numerically, not by scale.
 *
 * @param teamId null for a figure about the whole institution
 * @param n      number of children or respondents behind the figure
 */
@Revision("1")
public record MeasurementRecorded(
        InstitutionId institutionId,
        TeamId teamId,
        Round round,
        LocalDate measuredOn,
        IndicatorId indicator,
        BigDecimal value,
        BigDecimal scaleMin,
        BigDecimal scaleMax,
        int n) implements MeasurementEvent {
}
