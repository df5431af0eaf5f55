package dk.laeringsledelse.query.summary;

import dk.laeringsledelse.kernel.measurement.IndicatorId;
import dk.laeringsledelse.kernel.measurement.Indicators;
import dk.laeringsledelse.kernel.measurement.Round;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One indicator's figures over the rounds T1, T2, T3, of a team or of the whole institution ({@code teamId} null).
 * {@code derived}: not recorded for the institution but the n-weighted mean of its teams' figures.
 */
public class MeasurementSeries {

    public String teamId;
    public String indicator;
    public BigDecimal scaleMin;
    public BigDecimal scaleMax;
    public boolean derived;
    public List<Point> points = new ArrayList<>();

    public record Point(Round round, LocalDate measuredOn, BigDecimal value, int n) {
    }

    public MeasurementSeries() {
    }

    public MeasurementSeries(String teamId, String indicator) {
        this.teamId = teamId;
        this.indicator = indicator;
    }

    /** Sets a round's figures, replacing a corrected earlier figure. */
    public void put(Point point) {
        points.removeIf(p -> p.round() == point.round());
        points.add(point);
        points.sort(Comparator.comparing(Point::round));
    }

    public String indicatorLabel() {
        return Indicators.find(IndicatorId.of(indicator)).map(i -> i.labelDa()).orElse(indicator);
    }

    public BigDecimal changeT1T2() {
        return change(Round.T1, Round.T2);
    }

    public BigDecimal changeT2T3() {
        return change(Round.T2, Round.T3);
    }

    private BigDecimal change(Round from, Round to) {
        BigDecimal before = value(from);
        BigDecimal after = value(to);
        return before == null || after == null ? null : after.subtract(before);
    }

    private BigDecimal value(Round round) {
        return points.stream().filter(p -> p.round() == round).map(Point::value).findFirst().orElse(null);
    }
}
