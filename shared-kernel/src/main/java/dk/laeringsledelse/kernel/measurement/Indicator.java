package dk.laeringsledelse.kernel.measurement;

/**
 * What a measurement measures (reference data, see {@link Indicators}).
 *
 * @param labelDa the Danish label dashboards show
 * @param labelEn an English label for developers and English dashboards
 */
public record Indicator(IndicatorId id, String labelDa, String labelEn) {
}
