package dk.laeringsledelse.query.audit;

import java.time.Instant;

/**
 * One stored event as auditors see it: where it is in the global order, what it is, its payload, and who did it,
 * in which role, in which correlation, when. {@code teamId}, {@code institutionId} and {@code municipalityId} say
 * where in the organisation it belongs (null where it belongs to no such unit).
 *
 * @param position    the event's global position in the event store
 * @param eventType   the payload class's simple name (the stored {@code payloadType} without its package)
 * @param payload     the payload as JSON text, as Jackson writes the event record
 */
public record AuditEvent(
        long position,
        String eventId,
        Instant at,
        String aggregateType,
        String aggregateId,
        Long sequenceNumber,
        String eventType,
        String revision,
        String payload,
        String actor,
        String actorRole,
        String correlationId,
        String teamId,
        String institutionId,
        String municipalityId) {
}
