package dk.laeringsledelse.eventstore;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.Fixtures.SomethingHappened;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializationException;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.temporal.ChronoUnit;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static dk.laeringsledelse.eventstore.Fixtures.event;
import static dk.laeringsledelse.eventstore.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppendAndReadTest {

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final MongoEventStorageEngine engine = Fixtures.engine(db);

    @Test
    void appendedStreamReadsBackEqual() {
        List<DomainEventMessage<SomethingHappened>> appended = List.of(event("a", 0), event("a", 1), event("a", 2));
        engine.appendEvents(appended.subList(0, 2));
        engine.appendEvents(appended.subList(2, 3));

        List<? extends DomainEventMessage<?>> read = engine.readEvents("a").asStream().toList();

        assertThat(read).hasSize(3);
        for (int i = 0; i < 3; i++) {
            DomainEventMessage<?> expected = appended.get(i);
            DomainEventMessage<?> actual = read.get(i);
            assertThat(actual.getIdentifier()).isEqualTo(expected.getIdentifier());
            assertThat(actual.getPayload()).isEqualTo(expected.getPayload());
            assertThat(actual.getPayloadType()).isEqualTo(SomethingHappened.class);
            assertThat(actual.getMetaData()).isEqualTo(expected.getMetaData());
            assertThat(actual.getSequenceNumber()).isEqualTo(i);
            assertThat(actual.getType()).isEqualTo("Thing");
            assertThat(actual.getAggregateIdentifier()).isEqualTo("a");
            assertThat(actual.getTimestamp()).isEqualTo(expected.getTimestamp().truncatedTo(ChronoUnit.MILLIS));
        }
        assertThat(engine.readEvents("a", 1).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(1L, 2L); // from inside the first commit
        assertThat(engine.readEvents("a", 2).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(2L);
        assertThat(engine.readEvents("a", 3).asStream()).isEmpty();
        assertThat(engine.readEvents("unknown").asStream()).isEmpty();
        assertThat(engine.lastSequenceNumberFor("a")).contains(2L);
        assertThat(engine.lastSequenceNumberFor("unknown")).isEmpty();
    }

    @Test
    void eventsAreStoredAsBsonDocuments() {
        engine.appendEvents(event("a", 0), event("a", 1));

        Document commit = db.getCollection(MongoEventStorageEngine.EVENTS).find(eq("aggregateId", "a")).first();

        assertThat(commit).isNotNull();
        assertThat(commit.get("_id")).isEqualTo(2L);
        assertThat(commit.get("first")).isEqualTo(1L);
        assertThat(commit.get("firstSeq")).isEqualTo(0L);
        assertThat(commit.get("lastSeq")).isEqualTo(1L);
        Document second = commit.getList("events", Document.class).get(1);
        assertThat(second.get("payload", Document.class).getInteger("n")).isEqualTo(1);
        assertThat(second.get("payload", Document.class).getString("at")).isEqualTo("2024-05-01T08:30:00.123456789Z");
        assertThat(second.get("metaData", Document.class).getString("user")).isEqualTo("u-1");
        assertThat(second.get("timestamp")).isInstanceOf(java.util.Date.class);
        assertThat(second.get("position")).isEqualTo(2L);
        assertThat(engine.headPosition()).isEqualTo(2L);
    }

    @Test
    void eventsWithoutAggregateAreStoredAndTracked() {
        GenericEventMessage<SomethingHappened> plain =
                new GenericEventMessage<>(new SomethingHappened("x", 7, Fixtures.HAPPENED_AT));
        engine.appendEvents(plain);

        List<? extends TrackedEventMessage<?>> tracked = readAll(engine, null);

        assertThat(tracked).singleElement().satisfies(message -> {
            assertThat(message.getIdentifier()).isEqualTo(plain.getIdentifier());
            assertThat(message.getPayload()).isEqualTo(plain.getPayload());
        });
    }

    @Test
    void unserializablePayloadStoresNothingOfTheUnitOfWork() {
        long headBefore = engine.headPosition();
        var good = event("a", 0);
        var bad = new org.axonframework.eventhandling.GenericDomainEventMessage<>("Thing", "a", 1, new Object());

        assertThatThrownBy(() -> engine.appendEvents(good, bad)).isInstanceOf(SerializationException.class);

        assertThat(engine.readEvents("a").asStream()).isEmpty();
        assertThat(readAll(engine, null)).isEmpty();
        assertThat(engine.headPosition()).isEqualTo(headBefore);
    }

    @Test
    void nonContiguousSequenceIsRejected() {
        engine.appendEvents(event("a", 0));

        assertThatThrownBy(() -> engine.appendEvents(event("a", 2))).isInstanceOf(EventStoreException.class);
        assertThatThrownBy(() -> engine.appendEvents(event("a", 1), event("a", 3)))
                .isInstanceOf(EventStoreException.class);
        assertThat(engine.readEvents("a").asStream()).hasSize(1);
    }
}
