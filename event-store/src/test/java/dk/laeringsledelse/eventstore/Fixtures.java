package dk.laeringsledelse.eventstore;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import dk.laeringsledelse.eventstore.testsupport.TestSerializers;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;

/** Shared test events and helpers (public for the tests of the integrity package). */
public final class Fixtures {

    public static final Serializer SERIALIZER = TestSerializers.jackson();
    public static final Instant HAPPENED_AT = Instant.parse("2024-05-01T08:30:00.123456789Z");

    public record SomethingHappened(String id, int n, Instant at) {
    }

    public record ThingState(String id, int total) {
    }

    private Fixtures() {
    }

    public static MongoEventStorageEngine engine(MongoDatabase db) {
        return builder(db).build();
    }

    public static MongoEventStorageEngine.Builder builder(MongoDatabase db) {
        return MongoEventStorageEngine.builder()
                                      .database(db)
                                      .eventSerializer(SERIALIZER)
                                      .snapshotSerializer(SERIALIZER);
    }

    public static DomainEventMessage<SomethingHappened> event(String aggregateId, long seq) {
        return new GenericDomainEventMessage<>("Thing", aggregateId, seq,
                                               new SomethingHappened(aggregateId, (int) seq, HAPPENED_AT),
                                               MetaData.with("user", "u-1").and("n", (int) seq));
    }

    public static DomainEventMessage<SomethingHappened> eventAt(String aggregateId, long seq, Instant timestamp) {
        return new GenericDomainEventMessage<>("Thing", aggregateId, seq,
                                               new SomethingHappened(aggregateId, (int) seq, HAPPENED_AT),
                                               MetaData.emptyInstance(), UUID.randomUUID().toString(), timestamp);
    }

    /** All events after the token, as one readEvents call delivers them. */
    public static List<? extends TrackedEventMessage<?>> readAll(MongoEventStorageEngine engine, TrackingToken token) {
        return engine.readEvents(token, false).toList();
    }

    /** The token index of a tracked event: its position, unless it filled a gap. */
    public static long position(TrackedEventMessage<?> message) {
        return ((GapAwareTrackingToken) message.trackingToken()).getIndex();
    }

    public static GapAwareTrackingToken token(TrackedEventMessage<?> message) {
        return (GapAwareTrackingToken) message.trackingToken();
    }

    /** Reserves n positions the way the engine does, as a writer that has not inserted yet; returns the first. */
    public static long reserve(MongoDatabase db, int n) {
        Document before = db.getCollection(MongoEventStorageEngine.SEQUENCES)
                            .findOneAndUpdate(eq("_id", MongoEventStorageEngine.EVENTS_COUNTER),
                                              inc("value", (long) n),
                                              new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        return before.get("value", Number.class).longValue() + 1;
    }

    /** Inserts the commit of a slow writer: one new aggregate's first event at a reserved position. */
    public static String insertLateCommit(MongoDatabase db, long position, Instant reservedAt) {
        String aggregateId = "late-" + position;
        Document event = new Document("eventId", UUID.randomUUID().toString())
                .append("aggregateType", "Thing")
                .append("aggregateId", aggregateId)
                .append("seq", 0L)
                .append("timestamp", Date.from(reservedAt))
                .append("payloadType", SomethingHappened.class.getName())
                .append("payloadRevision", null)
                .append("payload", new Document("id", aggregateId).append("n", 0).append("at", HAPPENED_AT.toString()))
                .append("metaData", new Document())
                .append("prevHash", null);
        event.append("hash", EventHash.of(event)).append("position", position);
        db.getCollection(MongoEventStorageEngine.EVENTS).insertOne(
                new Document("_id", position).append("first", position)
                                             .append("aggregateId", aggregateId).append("aggregateType", "Thing")
                                             .append("firstSeq", 0L).append("lastSeq", 0L)
                                             .append("reservedAt", Date.from(reservedAt))
                                             .append("events", List.of(event)));
        return aggregateId;
    }

    /** A clock the test moves by hand. */
    public static final class MutableClock extends Clock {

        private volatile Instant now;

        public MutableClock(Instant now) {
            this.now = now;
        }

        public void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
