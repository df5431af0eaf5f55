package dk.laeringsledelse.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.organisation.InstitutionRegistered;
import dk.laeringsledelse.kernel.organisation.TeamRegistered;
import dk.laeringsledelse.query.support.BatchedWrites;
import dk.laeringsledelse.query.support.ProcessingGroups;
import java.lang.reflect.RecordComponent;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Revision;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The audit history read model (layout in {@link AuditDocuments}): every event once in {@code audit_events} by global
 * position, and a reference to it in the last chunk (bucket) of its month of each of its keys (aggregate, team,
 * institution, municipality, actor, type), so that a page of any filter is a few reads by {@code _id}.
 *
 * <p>Concurrency: buckets of a person or an event type collect events of every team and municipality, and an event's
 * institution and municipality come from the units this projection saw registered. So the application runs this
 * processing group as one sequence (all events in order on one thread): the unit is known before any event of it,
 * and no two writers touch a bucket at once.
 *
 * <p>Idempotent, also after a crash halfway through writing a batch (BatchedWrites writes a batch's documents at its
 * end, whole, in the order first touched, and a crash before the token is stored re-delivers the whole batch):
 * <ul>
 * <li>an event's document in {@code audit_events} (the same however often it is written) is touched after every
 * index and bucket the event touches, so it is written after them: a reader ends its page before a reference whose
 * event is not written yet;</li>
 * <li>a key's index and its month's starts are written only when a month or chunk begins, and then touched in
 * that order before the chunk they list, so they are written first: a crash may leave the index counting a chunk the
 * starts do not list yet (the starts are then completed, and the index written again, the same), or the starts
 * listing a chunk that was not written, which is then created again, empty. The reverse, chunks written that the
 * index does not list, is handled too: a full chunk is followed to the next one, as stored (its start then listed)
 * or new;</li>
 * <li>the chunk for an event is the last whose start is at or before its position (so a re-delivered event goes to
 * the chunk that held it even if the index lists later ones); a chunk holding that position or a later one has the
 * event already (events come in position order on one thread), so nothing is added twice;</li>
 * <li>a start is added only for the chunk after the last listed one, and it is the chunk's first position.</li>
 * </ul>
 * So whatever prefix of a batch's writes a crash left, re-delivering the batch writes the documents a clean run
 * writes.
 */
@Component
@ProcessingGroup(AuditProjection.PROCESSING_GROUP)
public class AuditProjection {

    public static final String PROCESSING_GROUP = ProcessingGroups.AUDIT;

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> index;
    private final MongoCollection<Document> units;

    public AuditProjection(MongoDatabase database) {
        this.events = database.getCollection(AuditDocuments.EVENTS);
        this.buckets = database.getCollection(AuditDocuments.BUCKETS);
        this.index = database.getCollection(AuditDocuments.INDEX);
        this.units = database.getCollection(AuditDocuments.UNITS);
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message, TrackingToken token) {
        long position = token.position().orElseThrow(() -> new IllegalStateException("no global position: " + token));
        // no look-up whether the event was handled before: handling it again writes the same documents (below)
        rememberUnit(payload);
        add(auditEvent(position, message));
    }

    /**
     * Lists the event under each of its keys, then stores it. Writes are batched (BatchedWrites): a bucket or index
     * touched by many events of a processor's batch is written once, at its end, in first-touched order (an index
     * before the starts and buckets it lists, so a reader never misses a written bucket).
     */
    void add(AuditEvent event) {
        long position = event.position();
        String month = AuditDocuments.monthOf(event.at());
        Document ref = AuditDocuments.toDocument(AuditDocuments.refOf(event));
        for (String key : AuditDocuments.keysOf(event)) {
            String startsId = AuditDocuments.startsId(key, month);
            Document monthStarts = BatchedWrites.find(index, startsId);
            if (monthStarts == null) {
                monthStarts = new Document(AuditDocuments.ID, startsId)
                        .append(AuditDocuments.STARTS, new ArrayList<Long>());
            }
            List<Long> starts = monthStarts.getList(AuditDocuments.STARTS, Long.class);
            boolean changed = false; // the starts (and the key's index) are written only when a month or chunk begins

            // the last chunk starting at or before the position: where the event is if it was added before
            int chunkNo = starts.size() - 1;
            while (chunkNo > 0 && starts.get(chunkNo) > position) {
                chunkNo--;
            }
            chunkNo = Math.max(chunkNo, 0);
            Document chunk = BatchedWrites.find(buckets, AuditDocuments.bucketId(key, month, chunkNo));
            while (chunk != null && lastOf(chunk) < position && refsOf(chunk).size() >= AuditDocuments.CHUNK_SIZE) {
                // full: the event goes to the next chunk, which a crash may have written without the index
                changed |= listStart(starts, chunkNo, chunk);
                chunkNo++;
                chunk = BatchedWrites.find(buckets, AuditDocuments.bucketId(key, month, chunkNo));
            }
            if (chunk == null) {
                chunk = new Document(AuditDocuments.ID, AuditDocuments.bucketId(key, month, chunkNo))
                        .append(AuditDocuments.REFS, new ArrayList<Document>()).append(AuditDocuments.LAST, -1L);
            }
            // a chunk that holds this position or a later one has this event already (re-delivered after a crash)
            boolean added = lastOf(chunk) < position;
            if (added) {
                refsOf(chunk).add(ref);
                chunk.put(AuditDocuments.LAST, position);
            }
            changed |= listStart(starts, chunkNo, chunk);
            if (changed) {
                // the key's index, then the month's starts, then the chunk: first touched in that order in the batch
                listMonth(key, month, starts);
                BatchedWrites.replace(index, startsId, monthStarts);
            }
            if (added) {
                BatchedWrites.replace(buckets, chunk.getString(AuditDocuments.ID), chunk);
            }
        }
        BatchedWrites.replace(events, position, AuditDocuments.toDocument(event));
    }

    /** Notes the month's chunks in the key's index, which lists its months. */
    private void listMonth(String key, String month, List<Long> starts) {
        Document keyIndex = BatchedWrites.find(index, key);
        if (keyIndex == null) {
            keyIndex = new Document(AuditDocuments.ID, key).append(AuditDocuments.MONTHS, new Document());
        }
        AuditDocuments.listMonth(keyIndex, month, starts);
        BatchedWrites.replace(index, key, keyIndex);
    }

    /** Lists the chunk's start unless it is listed: its first position. Whether it was not. */
    private static boolean listStart(List<Long> starts, int chunkNo, Document chunk) {
        if (starts.size() == chunkNo) {
            starts.add(refsOf(chunk).get(0).get("p", Number.class).longValue());
            return true;
        }
        return false;
    }

    private static long lastOf(Document chunk) {
        return chunk.get(AuditDocuments.LAST, Number.class).longValue();
    }

    private static List<Document> refsOf(Document chunk) {
        return chunk.getList(AuditDocuments.REFS, Document.class);
    }

    private AuditEvent auditEvent(long position, EventMessage<?> message) {
        Object payload = message.getPayload();
        String teamId = component(payload, "teamId");
        String institutionId = component(payload, "institutionId");
        String municipalityId = component(payload, "municipalityId");
        if (teamId != null && (institutionId == null || municipalityId == null)) {
            Document team = BatchedWrites.find(units, AuditDocuments.key("team", teamId));
            if (team != null) {
                institutionId = team.getString("institutionId");
                municipalityId = team.getString("municipalityId");
            }
        }
        if (institutionId != null && municipalityId == null) {
            Document institution = BatchedWrites.find(units, AuditDocuments.key("institution", institutionId));
            municipalityId = institution == null ? null : institution.getString("municipalityId");
        }
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        Revision revision = message.getPayloadType().getAnnotation(Revision.class);
        return new AuditEvent(position, message.getIdentifier(),
                // milliseconds: what the event store keeps, so a rebuilt history equals the live one
                message.getTimestamp().truncatedTo(ChronoUnit.MILLIS),
                domain == null ? null : domain.getType(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(),
                message.getPayloadType().getSimpleName(),
                revision == null ? null : revision.value(),
                json(payload),
                metaData(message, MetaDataKeys.ACTOR), metaData(message, MetaDataKeys.ACTOR_ROLE),
                metaData(message, MetaDataKeys.CORRELATION_ID),
                teamId, institutionId, municipalityId);
    }

    /** Where later events of a team or institution belong, which name only the team or the institution. */
    private void rememberUnit(Object payload) {
        if (payload instanceof TeamRegistered e) {
            String id = AuditDocuments.key("team", e.teamId().value());
            BatchedWrites.replace(units, id, new Document(AuditDocuments.ID, id)
                    .append("institutionId", e.institutionId().value())
                    .append("municipalityId", e.municipalityId().value()));
        } else if (payload instanceof InstitutionRegistered e) {
            String id = AuditDocuments.key("institution", e.institutionId().value());
            BatchedWrites.replace(units, id, new Document(AuditDocuments.ID, id)
                    .append("municipalityId", e.municipalityId().value()));
        }
    }

    /** A record payload's component of that name as text (typed ids print their value), or null. */
    private static String component(Object payload, String name) {
        RecordComponent[] components = payload.getClass().getRecordComponents();
        if (components == null) {
            return null;
        }
        for (RecordComponent c : components) {
            if (c.getName().equals(name)) {
                try {
                    Object value = c.getAccessor().invoke(payload);
                    return value == null ? null : value.toString();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + name + " of " + payload.getClass(), e);
                }
            }
        }
        return null;
    }

    private static String metaData(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    private static String json(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + payload.getClass().getSimpleName() + " as JSON", e);
        }
    }

    @ResetHandler
    public void reset() {
        events.drop();
        buckets.drop();
        index.drop();
        units.drop();
    }
}
