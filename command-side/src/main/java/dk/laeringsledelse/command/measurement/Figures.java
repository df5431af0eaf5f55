package dk.laeringsledelse.command.measurement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The figures of one round of one series, as the aggregate keeps them. Decimals are compared by value
 * ({@code 3.4} and {@code 3.40} are the same figure), so an identical re-record is recognised whatever its notation.
 */
record Figures(LocalDate measuredOn, BigDecimal value, BigDecimal scaleMin, BigDecimal scaleMax, int n) {

    boolean sameAs(Figures other) {
        return measuredOn.equals(other.measuredOn) && value.compareTo(other.value) == 0 && sameScale(other)
                && n == other.n;
    }

    boolean sameScale(Figures other) {
        return scaleMin.compareTo(other.scaleMin) == 0 && scaleMax.compareTo(other.scaleMax) == 0;
    }

    String scale() {
        return scaleMin.toPlainString() + " to " + scaleMax.toPlainString();
    }
}
