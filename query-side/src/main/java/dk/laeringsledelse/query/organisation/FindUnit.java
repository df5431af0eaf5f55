package dk.laeringsledelse.query.organisation;

/** The organisation unit with this kind and id, or null; also a subscription query for read-your-own-writes. */
public record FindUnit(UnitView.Kind kind, String id) {
}
