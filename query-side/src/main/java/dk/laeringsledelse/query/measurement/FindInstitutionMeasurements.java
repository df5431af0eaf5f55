package dk.laeringsledelse.query.measurement;

/** Query for an institution's measurements document; also the subject of read-your-own-writes subscriptions. */
public record FindInstitutionMeasurements(String institutionId) {
}
