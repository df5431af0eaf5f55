package dk.laeringsledelse.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.List;

/** How commits and their events are read from and written to their BSON documents, for every part of the engine. */
final class StoredEvents {

    private StoredEvents() {
    }

    /** Any JSON value (object, array, scalar) as the BSON value the driver stores. */
    static Object toBson(String json) {
        return Document.parse("{\"v\":" + json + "}").get("v");
    }

    /**
     * A stored event (or snapshot) as domain event data. Payload and metadata are handed to the serializer as the
     * same canonical JSON that is hashed.
     */
    static DomainEventData<String> domainEventData(Document event) {
        return domainEventData(event, event.getString("aggregateId"));
    }

    /** As {@link #domainEventData(Document)}, with the given aggregate id (null for an event without aggregate). */
    static DomainEventData<String> domainEventData(Document event, String aggregateId) {
        return new GenericDomainEventEntry<>(event.getString("aggregateType"), aggregateId,
                                             event.get("seq", Number.class).longValue(),
                                             event.getString("eventId"), event.getDate("timestamp").toInstant(),
                                             event.getString("payloadType"), event.getString("payloadRevision"),
                                             EventHash.canonicalJson(event.get("payload")),
                                             EventHash.canonicalJson(event.get("metaData")));
    }

    static List<Document> events(Document commit) {
        return commit.getList("events", Document.class);
    }

    /** The global position of a commit's first event. */
    static long first(Document commit) {
        return commit.get("first", Number.class).longValue();
    }

    /** The global position of a commit's last event: its {@code _id}. */
    static long last(Document commit) {
        return commit.get("_id", Number.class).longValue();
    }

    static long number(Document document, String field) {
        return document.get(field, Number.class).longValue();
    }

    /**
     * An exact match on a unique compound index, written as a plain filter document: Filters.and would render
     * {@code $and}, which the embedded server does not answer from the index.
     */
    static Bson uniqueKey(String aggregateId, String sequenceField, long value) {
        return new Document("aggregateId", aggregateId).append(sequenceField, value);
    }
}
