package dk.laeringsledelse.query.audit;

import java.time.Instant;

/** GraphQL {@code EventHistoryFilter}: every field optional; all given fields must match. */
public record EventHistoryFilter(String aggregateId, String teamId, String institutionId, String municipalityId,
                                 String personId, String eventType, Instant from, Instant to) {

    public static final EventHistoryFilter NONE = new EventHistoryFilter(null, null, null, null, null, null, null, null);

    /** Whether an event (as its bucket reference) matches every given field. */
    boolean matches(AuditDocuments.Ref ref) {
        return (aggregateId == null || aggregateId.equals(ref.aggregateId()))
                && (teamId == null || teamId.equals(ref.teamId()))
                && (institutionId == null || institutionId.equals(ref.institutionId()))
                && (municipalityId == null || municipalityId.equals(ref.municipalityId()))
                && (personId == null || personId.equals(ref.actor()))
                && (eventType == null || eventType.equals(ref.eventType()))
                && (from == null || !ref.at().isBefore(from))
                && (to == null || ref.at().isBefore(to));
    }
}
