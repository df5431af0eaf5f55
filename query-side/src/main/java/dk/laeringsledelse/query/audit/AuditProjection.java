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
 * position, and a reference to it in the month bucket of each of its keys (aggregate, team, institution,
 * municipality, actor, type), so that a page of any filter is a few reads by {@code _id}.
 *
 * <p>Concurrency: buckets of a person or an event type collect events of every team and municipality, and an event's
 * institution and municipality come from the units this projection saw registered. So the application runs this
 * processing group as one sequence (all events in order on one thread): the unit is known before any event of it,
 * and no two writers touch a bucket at once.
 *
 * <p>Idempotent: an event whose position is already in {@code audit_events} is skipped; that document is written
 * last; a bucket keeps the highest position it holds (events come in position order on one thread), so a
 * re-delivered event is not added to it again; and a month's count is set to its bucket's size. So an event
 * re-delivered after a crash adds and counts nothing twice.
 */
@Component
@ProcessingGroup(AuditProjection.PROCESSING_GROUP)
public class AuditProjection {

    public static final String PROCESSING_GROUP = "audit";

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    /** A bucket's highest position and its number of references, kept beside the references. */
    private static final String LAST = "last";
    private static final String SIZE = "size";

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
        if (BatchedWrites.find(events, position) != null) {
            return; // re-delivered
        }
        rememberUnit(payload);
        add(auditEvent(position, message));
    }

    /**
     * Lists the event under each of its keys, then stores it. Writes are batched (BatchedWrites): a bucket or index
     * touched by many events of a processor's batch is written once, at its end, in first-touched order (an index
     * before the bucket it lists, so a reader never misses a written bucket).
     */
    void add(AuditEvent event) {
        String month = AuditDocuments.monthOf(event.at());
        Document ref = AuditDocuments.toDocument(AuditDocuments.refOf(event));
        for (String key : AuditDocuments.keysOf(event)) {
            Document keyIndex = BatchedWrites.find(index, key);
            if (keyIndex == null) {
                keyIndex = new Document(AuditDocuments.ID, key).append(AuditDocuments.MONTHS, new ArrayList<String>())
                        .append(AuditDocuments.COUNTS, new Document());
            }
            List<String> months = keyIndex.getList(AuditDocuments.MONTHS, String.class);
            if (!months.contains(month)) {
                months.add(month);
            }
            BatchedWrites.replace(index, key, keyIndex);

            String bucketId = AuditDocuments.bucketId(key, month);
            Document bucket = BatchedWrites.find(buckets, bucketId);
            if (bucket == null) {
                bucket = new Document(AuditDocuments.ID, bucketId).append(AuditDocuments.REFS, new ArrayList<Document>())
                        .append(LAST, -1L).append(SIZE, 0L);
            }
            // events arrive in position order on one thread: a bucket that holds this position or a later one
            // has this event already (re-delivered after a crash)
            if (bucket.get(LAST, Number.class).longValue() < event.position()) {
                bucket.getList(AuditDocuments.REFS, Document.class).add(ref);
                bucket.put(LAST, event.position());
                bucket.put(SIZE, bucket.get(SIZE, Number.class).longValue() + 1);
                BatchedWrites.replace(buckets, bucketId, bucket);
            }
            // the count is the bucket's size, not an increment: a re-delivered event cannot count twice
            Document counts = keyIndex.get(AuditDocuments.COUNTS, Document.class);
            long size = bucket.get(SIZE, Number.class).longValue();
            Number counted = counts.get(month, Number.class);
            if (counted == null || counted.longValue() < size) {
                counts.put(month, size);
                BatchedWrites.replace(index, key, keyIndex);
            }
        }
        BatchedWrites.replace(events, event.position(), AuditDocuments.toDocument(event));
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
        events.deleteMany(new Document());
        buckets.deleteMany(new Document());
        index.deleteMany(new Document());
        units.deleteMany(new Document());
    }
}
