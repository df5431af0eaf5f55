package dk.laeringsledelse.kernel.measurement;

import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A recorded figure (same institution/team, indicator and round) was replaced by these figures, all of them given
 * again so that a projection simply takes them. The earlier figures stay in the history.
 *
 * @param teamId null for a figure about the whole institution
 * @param reason optional: why it was corrected
 */
@Revision("1")
public record MeasurementCorrected(
        InstitutionId institutionId,
        TeamId teamId,
        Round round,
        LocalDate measuredOn,
        IndicatorId indicator,
        BigDecimal value,
        BigDecimal scaleMin,
        BigDecimal scaleMax,
        int n,
        String reason) implements MeasurementEvent {
}
