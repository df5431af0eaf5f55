package dk.laeringsledelse.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.Date;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Projections.include;
import static dk.laeringsledelse.eventstore.StoredEvents.toBson;

/** One latest snapshot per aggregate, in {@value MongoEventStorageEngine#SNAPSHOTS} with {@code _id} = aggregate id. */
final class Snapshots {

    private final MongoCollection<Document> snapshots;

    Snapshots(MongoCollection<Document> snapshots) {
        this.snapshots = snapshots;
    }

    /** Keeps only the latest snapshot of each aggregate; an older one never replaces it. */
    void store(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document existing = snapshots.find(eq("_id", snapshot.getAggregateIdentifier()))
                                     .projection(include("seq")).first();
        if (existing != null && existing.get("seq", Number.class).longValue() >= snapshot.getSequenceNumber()) {
            return;
        }
        SerializedObject<String> payload = serializer.serialize(snapshot.getPayload(), String.class);
        SerializedObject<String> metaData = serializer.serialize(snapshot.getMetaData(), String.class);
        Document document = new Document("_id", snapshot.getAggregateIdentifier())
                .append("eventId", snapshot.getIdentifier())
                .append("aggregateType", snapshot.getType())
                .append("aggregateId", snapshot.getAggregateIdentifier())
                .append("seq", snapshot.getSequenceNumber())
                .append("timestamp", new Date(snapshot.getTimestamp().toEpochMilli()))
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", toBson(payload.getData()))
                .append("metaData", toBson(metaData.getData()));
        // a race between two snapshotters may keep the older one: harmless, every snapshot is valid
        snapshots.replaceOne(eq("_id", snapshot.getAggregateIdentifier()), document,
                             new ReplaceOptions().upsert(true));
    }

    Stream<? extends DomainEventData<?>> read(String aggregateId) {
        Document snapshot = snapshots.find(eq("_id", aggregateId)).first();
        return snapshot == null ? Stream.empty() : Stream.of(StoredEvents.domainEventData(snapshot));
    }
}
