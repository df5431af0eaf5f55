package dk.laeringsledelse.kernel.measurement;

import dk.laeringsledelse.kernel.IdempotentCommand;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Record one group-level figure of a mapping survey / profile analysis round (never a child's figure); returns the
 * institution id. The first figure of an institution creates its {@code InstitutionMeasurements}.
 *
 * <p>Recording a round the same team (or the institution) already has for the indicator is a correction
 * ({@link MeasurementCorrected}) if any figure differs, and stores nothing if all are the same.
 *
 * @param teamId           optional: null for a figure about the whole institution
 * @param measuredOn       not in the future (Europe/Copenhagen); after the earlier rounds' dates and before the later
 *                         rounds' dates of the same institution/team/indicator
 * @param indicator        one of {@link Indicators}
 * @param value            within {@code scaleMin..scaleMax}
 * @param scaleMin         less than {@code scaleMax}; the scale is the same in every round of the same series
 * @param n                number of children or respondents behind the figure, at least 1
 * @param correctionReason optional (at most 4,000 characters); kept on the event if this turns out to be a correction
 */
public record RecordMeasurement(
        InstitutionId institutionId,
        TeamId teamId,
        Round round,
        LocalDate measuredOn,
        IndicatorId indicator,
        BigDecimal value,
        BigDecimal scaleMin,
        BigDecimal scaleMax,
        int n,
        String correctionReason) implements IdempotentCommand {

    /** The institution's measurements stream (not the institution's own: see {@link MeasurementsId}). */
    @TargetAggregateIdentifier
    public MeasurementsId measurementsId() {
        return MeasurementsId.of(institutionId);
    }

    @Override
    public Object resultId() {
        return institutionId;
    }
}
