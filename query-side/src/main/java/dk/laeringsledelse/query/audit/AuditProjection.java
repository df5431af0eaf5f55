package dk.laeringsledelse.query.audit;

import static com.mongodb.client.model.Filters.eq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.organisation.InstitutionRegistered;
import dk.laeringsledelse.kernel.organisation.TeamRegistered;
import java.lang.reflect.RecordComponent;
import java.time.temporal.ChronoUnit;
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
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
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
        if (events.find(eq(AuditDocuments.ID, position)).first() != null) {
            return; // re-delivered
        }
        rememberUnit(payload);
        add(auditEvent(position, message));
    }

    /** Lists the event under each of its keys, then stores it. */
    void add(AuditEvent event) {
        String month = AuditDocuments.monthOf(event.at());
        Document ref = AuditDocuments.toDocument(AuditDocuments.refOf(event));
        for (String key : AuditDocuments.keysOf(event)) {
            // the month enters the index before its bucket exists: a reader never misses a written bucket
            index.updateOne(eq(AuditDocuments.ID, key), Updates.addToSet(AuditDocuments.MONTHS, month), UPSERT);
            String bucketId = AuditDocuments.bucketId(key, month);
            Document seen = buckets.find(eq(AuditDocuments.ID, bucketId))
                    .projection(Projections.include(LAST, SIZE)).first();
            long size = seen == null ? 0 : seen.get(SIZE, Number.class).longValue();
            // events arrive in position order on one thread: a bucket that holds this position or a later one
            // has this event already (re-delivered after a crash), and its size is counted once
            if (seen == null || seen.get(LAST, Number.class).longValue() < event.position()) {
                // $push, not $addToSet: the position guard already keeps it once, and a push need not search the array
                buckets.updateOne(eq(AuditDocuments.ID, bucketId), Updates.combine(
                        Updates.push(AuditDocuments.REFS, ref),
                        Updates.set(LAST, event.position()),
                        Updates.inc(SIZE, 1)), UPSERT);
                size++;
            }
            index.updateOne(eq(AuditDocuments.ID, key), Updates.max(AuditDocuments.COUNTS + "." + month, size));
        }
        events.replaceOne(eq(AuditDocuments.ID, event.position()), AuditDocuments.toDocument(event),
                new ReplaceOptions().upsert(true));
    }

    private AuditEvent auditEvent(long position, EventMessage<?> message) {
        Object payload = message.getPayload();
        String teamId = component(payload, "teamId");
        String institutionId = component(payload, "institutionId");
        String municipalityId = component(payload, "municipalityId");
        if (teamId != null && (institutionId == null || municipalityId == null)) {
            Document team = units.find(eq(AuditDocuments.ID, AuditDocuments.key("team", teamId))).first();
            if (team != null) {
                institutionId = team.getString("institutionId");
                municipalityId = team.getString("municipalityId");
            }
        }
        if (institutionId != null && municipalityId == null) {
            Document institution = units.find(eq(AuditDocuments.ID, AuditDocuments.key("institution", institutionId))).first();
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
            units.replaceOne(eq(AuditDocuments.ID, AuditDocuments.key("team", e.teamId().value())),
                    new Document("institutionId", e.institutionId().value())
                            .append("municipalityId", e.municipalityId().value()), new ReplaceOptions().upsert(true));
        } else if (payload instanceof InstitutionRegistered e) {
            units.replaceOne(eq(AuditDocuments.ID, AuditDocuments.key("institution", e.institutionId().value())),
                    new Document("municipalityId", e.municipalityId().value()), new ReplaceOptions().upsert(true));
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
