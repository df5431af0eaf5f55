package dk.laeringsledelse.eventstore;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.Fixtures.ThingState;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dk.laeringsledelse.eventstore.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

class SnapshotTest {

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final MongoEventStorageEngine engine = Fixtures.engine(db);

    @Test
    void keepsTheLatestSnapshot() {
        assertThat(engine.readSnapshot("a")).isEmpty();
        engine.storeSnapshot(snapshot("a", 4, 10));
        engine.storeSnapshot(snapshot("a", 2, 3)); // older: ignored

        assertThat(engine.readSnapshot("a")).hasValueSatisfying(snapshot -> {
            assertThat(snapshot.getSequenceNumber()).isEqualTo(4L);
            assertThat(snapshot.getPayload()).isEqualTo(new ThingState("a", 10));
            assertThat(snapshot.getType()).isEqualTo("Thing");
        });
        engine.storeSnapshot(snapshot("a", 6, 21));
        assertThat(engine.readSnapshot("a")).hasValueSatisfying(
                snapshot -> assertThat(snapshot.getPayload()).isEqualTo(new ThingState("a", 21)));
    }

    @Test
    void eventStoreLoadsFromSnapshotPlusNewerEvents() {
        for (long seq = 0; seq < 8; seq += 2) {
            engine.appendEvents(event("a", seq), event("a", seq + 1));
        }
        engine.storeSnapshot(snapshot("a", 5, 15));
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            List<? extends DomainEventMessage<?>> loaded = store.readEvents("a").asStream().toList();

            assertThat(loaded.get(0).getPayload()).isEqualTo(new ThingState("a", 15));
            assertThat(loaded).extracting(DomainEventMessage::getSequenceNumber).containsExactly(5L, 6L, 7L);
        } finally {
            store.shutDown();
        }
    }

    private static DomainEventMessage<ThingState> snapshot(String aggregateId, long seq, int total) {
        return new GenericDomainEventMessage<>("Thing", aggregateId, seq, new ThingState(aggregateId, total));
    }
}
