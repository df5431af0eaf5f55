package dk.laeringsledelse.eventstore;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.Fixtures.MutableClock;
import dk.laeringsledelse.eventstore.Fixtures.SomethingHappened;
import dk.laeringsledelse.eventstore.integrity.ChainSealer;
import dk.laeringsledelse.eventstore.integrity.IntegrityVerifier;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;
import static dk.laeringsledelse.eventstore.Fixtures.event;
import static dk.laeringsledelse.eventstore.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of Axon's {@code EventStorageEngine} contract this engine keeps, checked on the store the other tests
 * use (the embedded server, or {@code MONGODB_URI}). One rule differs on purpose: every aggregate stream starts at
 * sequence number 0 and has no gaps ({@link #everyAggregateStreamStartsAtZeroWithoutGaps}).
 */
class StorageEngineContractTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final MongoEventStorageEngine engine = Fixtures.builder(db).clock(clock).build();

    @Test
    void anEventWithoutAggregateComesBackAsAPlainEventInTheGlobalOrder() {
        GenericEventMessage<SomethingHappened> plain = plainEvent();
        engine.appendEvents(event("a", 0));
        engine.appendEvents(plain);
        engine.appendEvents(event("a", 1));

        List<? extends TrackedEventMessage<?>> tracked = readAll(engine, null);

        assertThat(tracked).extracting(Fixtures::position).containsExactly(1L, 2L, 3L);
        assertThat(tracked.get(1)).isNotInstanceOf(DomainEventMessage.class).satisfies(message -> {
            assertThat(message.getIdentifier()).isEqualTo(plain.getIdentifier());
            assertThat(message.getPayload()).isEqualTo(plain.getPayload());
            assertThat(message.getMetaData()).isEqualTo(plain.getMetaData());
        });
        assertThat(tracked.get(0)).isInstanceOf(DomainEventMessage.class);
        assertThat(tracked.get(2)).isInstanceOf(DomainEventMessage.class);
    }

    @Test
    void anEventWithoutAggregateIsStoredAsTheOnlyEventOfItsOwnStreamAndSealedWithTheOthers() {
        GenericEventMessage<SomethingHappened> plain = plainEvent();
        engine.appendEvents(event("a", 0));
        engine.appendEvents(plain);

        Document commit = db.getCollection(MongoEventStorageEngine.EVENTS)
                            .find(eq("aggregateId", plain.getIdentifier())).first();
        assertThat(commit).isNotNull();
        assertThat(commit.get("firstSeq")).isEqualTo(0L);
        Document stored = commit.getList("events", Document.class).get(0);
        assertThat(stored.getString("aggregateType")).isNull();
        assertThat(stored.getString("aggregateId")).isEqualTo(plain.getIdentifier());
        assertThat(stored.get("seq")).isEqualTo(0L);
        assertThat(stored.getString("prevHash")).isNull();
        assertThat(stored.getString("hash")).isEqualTo(EventHash.of(stored));

        clock.advance(Duration.ofMinutes(2));
        assertThat(new ChainSealer(db, Duration.ofSeconds(60), clock).sealAvailable()).isNotEmpty();
        assertThat(new IntegrityVerifier(db).verifyAll().ok()).isTrue();
    }

    @ParameterizedTest(name = "optimizeEventConsumption={0}")
    @ValueSource(booleans = {true, false})
    void aCaughtUpStreamDeliversEventsAppendedLater(boolean optimizeEventConsumption) throws Exception {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                                                     .storageEngine(engine)
                                                     .optimizeEventConsumption(optimizeEventConsumption)
                                                     .fetchDelay(50)
                                                     .build();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            DomainEventMessage<?> first = event("a", 0);
            engine.appendEvents(first);
            assertThat(next(stream).getIdentifier()).isEqualTo(first.getIdentifier());
            assertThat(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)).as("caught up").isFalse();

            DomainEventMessage<?> later = event("a", 1);
            engine.appendEvents(later); // as another instance would: not through this event store

            assertThat(next(stream).getIdentifier()).isEqualTo(later.getIdentifier());
        } finally {
            store.shutDown();
        }
    }

    @Test
    void aSecondEventWithAnExistingIdentifierIsAConflictAndStoresNothing() {
        DomainEventMessage<?> first = event("a", 0);
        engine.appendEvents(first);
        engine.appendEvents(event("a", 1));
        long head = engine.headPosition();

        assertThatThrownBy(() -> engine.appendEvents(withIdentifier(first.getIdentifier(), "b", 0)))
                .as("an aggregate's first event").isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(withIdentifier(first.getIdentifier(), "a", 2)))
                .as("a later event").isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(
                new GenericEventMessage<>(first.getIdentifier(), "payload", MetaData.emptyInstance(), Instant.now())))
                .as("an event without aggregate").isInstanceOf(ConcurrencyException.class)
                .isNotInstanceOf(AggregateStreamCreationException.class);

        assertThat(engine.readEvents("b").asStream()).isEmpty();
        assertThat(engine.readEvents("a").asStream()).hasSize(2);
        assertThat(readAll(engine, null)).extracting(TrackedEventMessage::getIdentifier)
                                         .containsOnlyOnce(first.getIdentifier()).hasSize(2);
        engine.appendEvents(event("a", 2)); // the refused appends' positions are no gap to trackers
        assertThat(Fixtures.token(readAll(engine, null).get(2)).getGaps()).isEmpty();
        assertThat(engine.headPosition()).isGreaterThan(head);
    }

    @Test
    void aRepeatedIdentifierWithinOneAppendIsAConflictAndStoresNothing() {
        DomainEventMessage<?> first = event("a", 0);

        assertThatThrownBy(() -> engine.appendEvents(first, withIdentifier(first.getIdentifier(), "b", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(first, event("a", 1), withIdentifier(first.getIdentifier(), "a", 2)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(readAll(engine, null)).isEmpty();
    }

    @Test
    void anAppendWhoseSequenceNumbersClashWithAStoredCommitIsAConcurrencyException() {
        engine.appendEvents(event("a", 0), event("a", 1));
        engine.appendEvents(event("a", 2), event("a", 3));
        MongoEventStorageEngine otherInstance = Fixtures.builder(db).clock(clock).build();

        for (MongoEventStorageEngine writer : List.of(engine, otherInstance)) {
            assertThatThrownBy(() -> writer.appendEvents(event("a", 1))).isInstanceOf(ConcurrencyException.class);
            assertThatThrownBy(() -> writer.appendEvents(event("a", 3), event("a", 4)))
                    .isInstanceOf(ConcurrencyException.class);
            assertThatThrownBy(() -> writer.appendEvents(event("a", 2))).isInstanceOf(ConcurrencyException.class);
            assertThatThrownBy(() -> writer.appendEvents(event("a", 0)))
                    .isInstanceOf(AggregateStreamCreationException.class);
        }
        assertThatThrownBy(() -> engine.appendEvents(event("b", 0), event("b", 0)))
                .as("a sequence number twice in one append").isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(event("a", 4), event("a", 4)))
                .as("a sequence number twice in one append").isInstanceOf(ConcurrencyException.class);

        assertThat(engine.readEvents("a").asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L, 1L, 2L, 3L);
        assertThat(engine.readEvents("b").asStream()).isEmpty();
    }

    /** A deliberate difference from Axon's engines: the hash chain needs every stream to start at 0 without gaps. */
    @Test
    void everyAggregateStreamStartsAtZeroWithoutGaps() {
        engine.appendEvents(event("a", 0));

        List<List<EventMessage<?>>> refused = List.of(List.of(event("b", 1)), List.of(event("a", 2)),
                                                      List.of(event("a", 1), event("a", 3)));
        for (List<EventMessage<?>> append : refused) {
            assertThatThrownBy(() -> engine.appendEvents(append))
                    .isInstanceOf(EventStoreException.class);
        }

        assertThat(readAll(engine, null)).hasSize(1);
    }

    private static GenericEventMessage<SomethingHappened> plainEvent() {
        return new GenericEventMessage<>(new SomethingHappened("x", 7, Fixtures.HAPPENED_AT),
                                         MetaData.with("user", "u-1"));
    }

    private static DomainEventMessage<SomethingHappened> withIdentifier(String identifier, String aggregateId,
                                                                        long seq) {
        return new GenericDomainEventMessage<>("Thing", aggregateId, seq,
                                               new SomethingHappened(aggregateId, (int) seq, Fixtures.HAPPENED_AT),
                                               MetaData.emptyInstance(), identifier, Instant.now());
    }

    /** The stream's next event, waited for as a tracking processor waits: in short polls until one is there. */
    private static TrackedEventMessage<?> next(BlockingStream<TrackedEventMessage<?>> stream) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
            assertThat(System.nanoTime()).as("an event within " + WAIT).isLessThan(deadline);
        }
        return stream.nextAvailable();
    }
}
