package dk.laeringsledelse.eventstore.integrity;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.Fixtures;
import dk.laeringsledelse.eventstore.Fixtures.MutableClock;
import dk.laeringsledelse.eventstore.MongoEventStorageEngine;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.mongodb.client.model.Filters.eq;
import static dk.laeringsledelse.eventstore.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainSealerTest {

    private static final Duration HORIZON = Duration.ofSeconds(60);

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
    private final MongoEventStorageEngine engine = Fixtures.builder(db).clock(clock).build();
    private final ChainSealer sealer = new ChainSealer(db, HORIZON, clock);
    private final IntegrityVerifier verifier = new IntegrityVerifier(db);

    @Test
    void sealingIsIdempotent() {
        engine.appendEvents(event("a", 0), event("a", 1));
        engine.appendEvents(event("b", 0));
        clock.advance(HORIZON.plusSeconds(1));

        List<Seal> first = sealer.sealAvailable();
        List<Seal> again = sealer.sealAvailable();

        assertThat(first).singleElement().satisfies(seal -> {
            assertThat(seal.number()).isEqualTo(1);
            assertThat(seal.from()).isEqualTo(1);
            assertThat(seal.to()).isEqualTo(3);
        });
        assertThat(again).isEmpty();
        assertThat(verifier.seal(1)).contains(first.get(0));
        assertThat(verifier.seal(2)).isEmpty();
        assertThat(new ChainSealer(db, HORIZON, clock).sealAvailable()).as("another node").isEmpty();
        assertThat(db.getCollection(ChainSealer.SEALS).countDocuments()).isEqualTo(1);
        assertThat(verifier.verifyAll().ok()).isTrue();
    }

    @Test
    void onlyCommitsReservedBeforeTheHorizonAreSealed() {
        engine.appendEvents(event("a", 0));
        assertThat(sealer.sealAvailable()).isEmpty();

        clock.advance(HORIZON.plusSeconds(1));
        engine.appendEvents(event("a", 1));

        assertThat(sealer.sealAvailable()).singleElement().extracting(Seal::to).isEqualTo(1L);
        assertThat(verifier.verifyAll().unsealedPositions()).isEqualTo(1);
        clock.advance(HORIZON.plusSeconds(1));
        assertThat(sealer.sealAvailable()).singleElement().satisfies(seal -> {
            assertThat(seal.number()).isEqualTo(2);
            assertThat(seal.from()).isEqualTo(2);
            assertThat(seal.to()).isEqualTo(2);
        });
    }

    @Test
    void voidAndGapPositionsAreSealedExplicitlyAndDoNotBreakTheChain() {
        engine.appendEvents(event("a", 0));                                   // 1
        assertThatThrownBy(() -> engine.appendEvents(event("a", 0)))          // 2: void
                .isInstanceOf(AggregateStreamCreationException.class);
        Fixtures.reserve(db, 2);                                              // 3..4: a writer that crashed
        engine.appendEvents(event("b", 0));                                   // 5
        Fixtures.reserve(db, 1);                                              // 6: crashed, nothing after it yet
        clock.advance(HORIZON.plusSeconds(1));

        assertThat(sealer.sealAvailable()).singleElement().extracting(Seal::to).isEqualTo(5L);

        List<String> lines = db.getCollection(ChainSealer.SEALS).find(eq("_id", 1L)).first()
                               .getList("lines", String.class);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).matches("1 event 0 [0-9a-f]{64} a");
        assertThat(lines.subList(1, 4)).containsExactly("2 void", "3 gap", "4 gap");
        assertThat(lines.get(4)).matches("5 event 0 [0-9a-f]{64} b");
        IntegrityReport report = verifier.verifyAll();
        assertThat(report.ok()).as(report.breaks().toString()).isTrue();
        assertThat(report.unsealedPositions()).as("the crashed reservation at the head waits").isEqualTo(1);
    }

    @Test
    void aLongHistoryIsSealedInBoundedSealsChainedInOrder() {
        for (int i = 0; i < 35; i++) {
            engine.appendEvents(event("a", i));
        }
        clock.advance(HORIZON.plusSeconds(1));

        List<Seal> seals = new ChainSealer(db, HORIZON, clock, 10).sealAvailable();

        assertThat(seals).extracting(Seal::from).containsExactly(1L, 11L, 21L, 31L);
        assertThat(seals).extracting(Seal::to).containsExactly(10L, 20L, 30L, 35L);
        Document second = db.getCollection(ChainSealer.SEALS).find(eq("_id", 2L)).first();
        assertThat(second.getString("prev")).isEqualTo(seals.get(0).digest());
        IntegrityReport report = verifier.verifyAll();
        assertThat(report.ok()).isTrue();
        assertThat(report.seals()).isEqualTo(4);
        assertThat(report.latestSeal()).isEqualTo(seals.get(3));
    }

    @Test
    void sealersOnSeveralNodesAtOnceBuildOneChain() throws Exception {
        MongoEventStorageEngine writer = Fixtures.builder(db).build(); // a real clock: commits settle as they go
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> sealers = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            ChainSealer nodeSealer = new ChainSealer(db, Duration.ZERO, Clock.systemUTC(), 7);
            sealers.add(pool.submit(() -> {
                while (writing.get()) {
                    try {
                        nodeSealer.sealAvailable();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (int i = 0; i < 150; i++) {
            writer.appendEvents(event("agg-" + (i % 10), i / 10));
        }
        Thread.sleep(5); // the last reservation is then in the past
        writing.set(false);
        for (Future<?> running : sealers) {
            running.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        new ChainSealer(db, Duration.ZERO, Clock.systemUTC(), 7).sealAvailable();

        assertThat(failures).isEmpty();
        IntegrityReport report = verifier.verifyAll();
        assertThat(report.ok()).as(report.breaks().toString()).isTrue();
        assertThat(report.latestSeal().to()).isEqualTo(150);
        assertThat(report.seals()).isEqualTo(db.getCollection(ChainSealer.SEALS).countDocuments());
    }

    @Test
    void bulkVerificationReportsProgressWhileItStreams() {
        for (int i = 0; i < 300; i++) {
            engine.appendEvents(event("agg-" + (i % 3), i / 3));
        }
        clock.advance(HORIZON.plusSeconds(1));
        sealer.sealAvailable();
        List<VerificationProgress> progress = new ArrayList<>();

        IntegrityReport report = verifier.verifyAll(progress::add);

        assertThat(report.ok()).isTrue();
        assertThat(report.aggregates()).isEqualTo(3);
        assertThat(report.events()).isEqualTo(300);
        assertThat(progress).filteredOn(p -> p.phase() == VerificationProgress.Phase.EVENTS)
                            .extracting(VerificationProgress::processed).containsExactly(250L, 300L);
        assertThat(progress).filteredOn(p -> p.phase() == VerificationProgress.Phase.EVENTS)
                            .allSatisfy(p -> assertThat(p.total()).isEqualTo(300));
        assertThat(progress.get(progress.size() - 1))
                .isEqualTo(new VerificationProgress(VerificationProgress.Phase.SEALS, 1, 1, 0));
    }
}
