package dk.laeringsledelse.query.measurement;

import dk.laeringsledelse.query.summary.MeasurementSeries;
import com.fasterxml.jackson.annotation.JsonProperty;
import dk.laeringsledelse.kernel.measurement.MeasurementEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An institution's T1/T2/T3 figures: one document in {@code institution_measurements}, {@code _id} = institution id,
 * one series per team (or the institution) and indicator. {@code version} is the institution's last applied
 * sequence number.
 */
public class InstitutionMeasurementsView {

    @JsonProperty("_id")
    public String institutionId;
    public long version = -1;
    public List<MeasurementSeries> series = new ArrayList<>();

    public InstitutionMeasurementsView() {
    }

    InstitutionMeasurementsView(String institutionId) {
        this.institutionId = institutionId;
    }

    /** Takes a recorded or corrected figure (both carry every figure). */
    void put(MeasurementEvent event, LocalDate measuredOn, BigDecimal value, BigDecimal scaleMin,
             BigDecimal scaleMax, int n) {
        String teamId = event.teamId() == null ? null : event.teamId().value();
        MeasurementSeries series = this.series.stream()
                .filter(s -> Objects.equals(s.teamId, teamId) && s.indicator.equals(event.indicator().value()))
                .findFirst().orElseGet(() -> {
                    MeasurementSeries created = new MeasurementSeries(teamId, event.indicator().value());
                    this.series.add(created);
                    return created;
                });
        series.scaleMin = scaleMin;
        series.scaleMax = scaleMax;
        series.put(new MeasurementSeries.Point(event.round(), measuredOn, value, n));
    }

    /** The teams' series (teamId set), by indicator then team. */
    public List<MeasurementSeries> teamSeries() {
        return series.stream().filter(s -> s.teamId != null)
                .sorted(Comparator.comparing((MeasurementSeries s) -> s.indicator).thenComparing(s -> s.teamId))
                .toList();
    }

    /**
     * Per indicator, the institution's series: as recorded for the whole institution or, where none was, the
     * n-weighted mean of its teams' figures per round (only when all teams measure on the same scale).
     */
    public List<MeasurementSeries> institutionSeries() {
        Map<String, List<MeasurementSeries>> byIndicator = new LinkedHashMap<>();
        series.stream().sorted(Comparator.comparing(s -> s.indicator))
                .forEach(s -> byIndicator.computeIfAbsent(s.indicator, k -> new ArrayList<>()).add(s));
        List<MeasurementSeries> result = new ArrayList<>();
        byIndicator.forEach((indicator, all) -> all.stream().filter(s -> s.teamId == null).findFirst()
                .or(() -> java.util.Optional.ofNullable(mean(indicator, all)))
                .ifPresent(result::add));
        return result;
    }

    private static MeasurementSeries mean(String indicator, List<MeasurementSeries> teams) {
        MeasurementSeries first = teams.get(0);
        boolean sameScale = teams.stream().allMatch(s -> s.scaleMin.compareTo(first.scaleMin) == 0
                && s.scaleMax.compareTo(first.scaleMax) == 0);
        if (!sameScale) {
            return null;
        }
        MeasurementSeries mean = new MeasurementSeries(null, indicator);
        mean.derived = true;
        mean.scaleMin = first.scaleMin;
        mean.scaleMax = first.scaleMax;
        for (var round : dk.laeringsledelse.kernel.measurement.Round.values()) {
            List<MeasurementSeries.Point> points = teams.stream().flatMap(s -> s.points.stream())
                    .filter(p -> p.round() == round).toList();
            int n = points.stream().mapToInt(MeasurementSeries.Point::n).sum();
            if (n == 0) {
                continue;
            }
            BigDecimal weighted = points.stream().map(p -> p.value().multiply(BigDecimal.valueOf(p.n())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            LocalDate latest = points.stream().map(MeasurementSeries.Point::measuredOn)
                    .max(Comparator.naturalOrder()).orElse(null);
            mean.put(new MeasurementSeries.Point(round, latest,
                    weighted.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP), n));
        }
        return mean;
    }
}
