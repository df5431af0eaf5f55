package dk.laeringsledelse.eventstore;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static com.mongodb.client.model.Filters.eq;
import static dk.laeringsledelse.eventstore.Fixtures.event;
import static dk.laeringsledelse.eventstore.Fixtures.position;
import static dk.laeringsledelse.eventstore.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrencyTest {

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final MongoEventStorageEngine engine = Fixtures.engine(db);

    @Test
    void secondWriterOfTheSameVersionGetsConcurrencyExceptionAndStoresNothing() {
        engine.appendEvents(event("a", 0));
        DomainEventMessage<?> first = event("a", 1);
        DomainEventMessage<?> second = event("a", 1);
        engine.appendEvents(first);

        assertThatThrownBy(() -> engine.appendEvents(second, event("a", 2)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(engine.readEvents("a").asStream().map(DomainEventMessage::getIdentifier))
                .hasSize(2).contains(first.getIdentifier()).doesNotContain(second.getIdentifier());
        assertThat(readAll(engine, null)).extracting(TrackedEventMessage::getIdentifier)
                                         .doesNotContain(second.getIdentifier()).hasSize(2);
        // the failed commit's positions were voided, so tracking continues past them without a gap
        engine.appendEvents(event("a", 2));
        List<? extends TrackedEventMessage<?>> tracked = readAll(engine, null);
        assertThat(tracked).hasSize(3);
        assertThat(Fixtures.token(tracked.get(2)).getGaps()).isEmpty();
        Document voided = db.getCollection(MongoEventStorageEngine.EVENTS).find(eq("_id", 4L)).first();
        assertThat(voided.getString("aggregateId")).startsWith("#void:");
        assertThat(voided.getList("events", Document.class)).isEmpty();
    }

    @Test
    void secondCreationOfAnAggregateFails() {
        engine.appendEvents(event("a", 0));

        assertThatThrownBy(() -> engine.appendEvents(event("a", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void racingWritersOnOneAggregateStoreEverySuccessExactlyOnce() throws Exception {
        engine.appendEvents(event("a", 0));
        List<String> succeeded = Collections.synchronizedList(new ArrayList<>());
        int threads = 8;
        int attempts = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit((Callable<Void>) () -> {
                    long next = 1; // each writer continues from the version it last saw, as a cached aggregate does
                    for (int i = 0; i < attempts; i++) {
                        DomainEventMessage<?> candidate = event("a", next);
                        try {
                            engine.appendEvents(candidate);
                            succeeded.add(candidate.getIdentifier());
                            next++;
                        } catch (ConcurrencyException conflict) {
                            next = engine.readEvents("a", next).asStream()
                                         .mapToLong(DomainEventMessage::getSequenceNumber).max().orElse(next - 1) + 1;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        List<? extends DomainEventMessage<?>> stream = engine.readEvents("a").asStream().toList();
        assertThat(stream).extracting(DomainEventMessage::getSequenceNumber)
                          .containsExactlyElementsOf(LongStream.range(0, stream.size()).boxed().toList());
        assertThat(stream).extracting(DomainEventMessage::getIdentifier)
                          .doesNotHaveDuplicates()
                          .containsAll(succeeded)
                          .hasSize(succeeded.size() + 1);
        List<? extends TrackedEventMessage<?>> tracked = readAll(engine, null);
        assertThat(tracked).extracting(TrackedEventMessage::getIdentifier)
                           .containsExactlyElementsOf(stream.stream().map(DomainEventMessage::getIdentifier).toList());
        assertThat(Fixtures.token(tracked.get(tracked.size() - 1)).getGaps()).isEmpty();
    }

    @Test
    void concurrentReservationsAreAllUnique() throws Exception {
        int threads = 8;
        int appends = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < appends; i++) {
                        engine.appendEvents(event("t" + thread + "-" + i, 0)); // no conflicts possible
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(); // a duplicate reservation would fail an insert on _id here
            }
        } finally {
            pool.shutdown();
        }

        assertThat(engine.headPosition()).isEqualTo(threads * appends);
        assertThat(readAll(engine, null)).extracting(Fixtures::position)
                                         .containsExactlyElementsOf(LongStream.rangeClosed(1, threads * appends)
                                                                              .boxed().toList());
    }
}
