package dk.laeringsledelse.eventstore.integrity;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.EventHash;
import dk.laeringsledelse.eventstore.Fixtures;
import dk.laeringsledelse.eventstore.Fixtures.MutableClock;
import dk.laeringsledelse.eventstore.MongoEventStorageEngine;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static dk.laeringsledelse.eventstore.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each kind of tampering, done directly in MongoDB as someone with database access could, is detected and reported
 * with the aggregate, the sequence number and the kind of break.
 */
class TamperDetectionTest {

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
    private final MongoEventStorageEngine engine = Fixtures.builder(db).clock(clock).build();
    private final ChainSealer sealer = new ChainSealer(db, Duration.ofSeconds(60), clock);
    private final IntegrityVerifier verifier = new IntegrityVerifier(db);
    private final Tamper tamper = new Tamper(db);

    /** Positions: a#0-2 = 1..3, b#0 = 4, a#3 = 5, c#0-1 = 6..7, a#4-5 = 8..9; all sealed. */
    @BeforeEach
    void history() {
        engine.appendEvents(event("a", 0), event("a", 1), event("a", 2));
        engine.appendEvents(event("b", 0));
        engine.appendEvents(event("a", 3));
        engine.appendEvents(event("c", 0), event("c", 1));
        engine.appendEvents(event("a", 4), event("a", 5));
        clock.advance(Duration.ofMinutes(2));
        assertThat(sealer.sealAvailable()).isNotEmpty();
    }

    @Test
    void anUntouchedStoreVerifiesOk() {
        assertThat(verifier.verifyAggregate("a")).isEqualTo(new AggregateVerification("a", 6, 6, 5L, null));

        IntegrityReport report = verifier.verifyAll();

        assertThat(report.ok()).as(report.breaks().toString()).isTrue();
        assertThat(report.headPosition()).isEqualTo(9);
        assertThat(report.aggregates()).isEqualTo(3);
        assertThat(report.events()).isEqualTo(9);
        assertThat(report.seals()).isEqualTo(1);
        assertThat(report.latestSeal().to()).isEqualTo(9);
        assertThat(report.unsealedPositions()).isZero();
    }

    @Test
    void anAlteredPayloadFieldIsReportedAsAltered() {
        tamper.editEvents("a", 0, events -> events.get(1).get("payload", Document.class).put("n", 99));

        assertBreak(verifier.verifyAggregate("a").firstBreak(), BreakKind.ALTERED, "a", 1);
        assertThat(verifier.verifyAll().breaks()).singleElement()
                .satisfies(found -> assertBreak(found, BreakKind.ALTERED, "a", 1));
    }

    @Test
    void theBulkReportNamesTheFirstBreakOfEveryTamperedAggregate() {
        tamper.editEvents("a", 0, events -> events.get(1).get("payload", Document.class).put("n", 99));
        tamper.editEvents("a", 4, events -> events.get(0).get("payload", Document.class).put("n", 99));
        tamper.editEvents("b", 0, events -> events.get(0).get("metaData", Document.class).put("user", "mallory"));

        IntegrityReport report = verifier.verifyAll();

        assertThat(report.ok()).isFalse();
        assertThat(report.breaksFound()).isEqualTo(2);
        assertThat(report.breaks()).satisfiesExactly(
                found -> assertBreak(found, BreakKind.ALTERED, "a", 1),
                found -> assertBreak(found, BreakKind.ALTERED, "b", 0));
    }

    @Test
    void anEventDeletedFromInsideACommitIsReportedAsRemoved() {
        tamper.editEvents("a", 0, events -> events.remove(1));

        assertBreak(verifier.verifyAggregate("a").firstBreak(), BreakKind.REMOVED, "a", 1);
        assertThat(verifier.verifyAll().breaks())
                .anySatisfy(found -> assertBreak(found, BreakKind.REMOVED, "a", 1))
                .anySatisfy(found -> assertSealBreak(found, BreakKind.REMOVED, "a", 1, 2));
    }

    @Test
    void theLastEventDeletedFromACommitIsReportedAsRemoved() {
        tamper.editEvents("a", 0, events -> events.remove(2));

        assertBreak(verifier.verifyAggregate("a").firstBreak(), BreakKind.REMOVED, "a", 2);
    }

    @Test
    void aWholeCommitDeletedIsReportedByTheBulkVerificationAndTheSeal() {
        tamper.deleteCommit(5L); // a#3

        // the aggregate's own walk ends where the hole starts: nothing in it points past the hole
        assertThat(verifier.verifyAggregate("a")).isEqualTo(new AggregateVerification("a", 3, 3, 2L, null));
        List<IntegrityBreak> breaks = verifier.verifyAll().breaks();
        assertThat(breaks).hasSize(2)
                .anySatisfy(found -> assertBreak(found, BreakKind.REMOVED, "a", 3))
                .anySatisfy(found -> assertSealBreak(found, BreakKind.REMOVED, "a", 3, 5));
    }

    @Test
    void aForgedEventInsertedIntoACommitIsReportedAsInserted() {
        tamper.editEvents("a", 0, events -> {
            Document forged = Tamper.copy(events.get(1));
            forged.put("eventId", UUID.randomUUID().toString());
            forged.get("payload", Document.class).put("n", 42);
            events.add(2, forged);
        });

        assertBreak(verifier.verifyAggregate("a").firstBreak(), BreakKind.INSERTED, "a", 1);
    }

    @Test
    void aForgedEventAppendedToACommitWithAValidHashIsReportedAsInserted() {
        tamper.editEvents("a", 4, events -> {
            Document forged = Tamper.copy(events.get(1));
            forged.put("eventId", UUID.randomUUID().toString());
            forged.put("seq", 6L);
            forged.put("position", 10L);
            events.add(forged);
            Tamper.rehash(events.subList(2, 3), events.get(1).getString("hash"));
        });

        assertBreak(verifier.verifyAggregate("a").firstBreak(), BreakKind.INSERTED, "a", 6);
    }

    @Test
    void aForgedCommitBeyondTheReservedHeadIsReportedAsInserted() {
        Document last = tamper.commit("a", 4);
        tamper.insertCommit(forgedCommit("a", 6, last.getList("events", Document.class).get(1).getString("hash"),
                                         1_000L));

        assertBreak(verifier.verifyAggregate("a").firstBreak(), BreakKind.INSERTED, "a", 6);
    }

    @Test
    void aForgedStreamInASealedVoidPositionIsReportedAsInsertedByTheSeal() {
        // a lost race leaves a void commit at position 10
        assertThatThrownBy(() -> engine.appendEvents(event("a", 4))).isInstanceOf(ConcurrencyException.class);
        engine.appendEvents(event("b", 1));
        clock.advance(Duration.ofMinutes(2));
        assertThat(sealer.sealAvailable()).hasSize(1);
        tamper.deleteCommit(10L);
        tamper.insertCommit(forgedCommit("forged", 0, null, 10L));

        // a forger who knows the canonical form makes a valid chain: only the seal knows the position was void
        assertSealBreak(verifier.verifyAggregate("forged").firstBreak(), BreakKind.INSERTED, "forged", 0, 10);
        assertThat(verifier.verifyAll().breaks()).singleElement()
                .satisfies(found -> assertSealBreak(found, BreakKind.INSERTED, "forged", 0, 10));
    }

    @Test
    void eventsSwappedInsideACommitAreReportedAsReordered() {
        tamper.editEvents("a", 0, events -> Collections.swap(events, 1, 2));

        assertBreak(verifier.verifyAggregate("a").firstBreak(), BreakKind.REORDERED, "a", 1);
    }

    @Test
    void eventsRenumberedAndRehashedOneByOneAreReportedAsReordered() {
        tamper.editEvents("a", 0, events -> {
            Collections.swap(events, 1, 2);
            events.get(1).put("seq", 1L);
            events.get(1).put("position", 2L);
            events.get(2).put("seq", 2L);
            events.get(2).put("position", 3L);
            events.subList(1, 3).forEach(event -> event.put("hash", EventHash.of(event)));
        });

        AggregateVerification verification = verifier.verifyAggregate("a");

        assertBreak(verification.firstBreak(), BreakKind.REORDERED, "a", 1);
        assertThat(verification.firstBreak().detail()).contains("does not link");
    }

    @Test
    void aChangedTimestampIsReportedAsAltered() {
        tamper.editEvents("c", 0, events -> events.get(1).put("timestamp", new Date(0)));

        assertBreak(verifier.verifyAggregate("c").firstBreak(), BreakKind.ALTERED, "c", 1);
    }

    @Test
    void aChangedTimestampWithTheChainRehashedIsReportedByTheSeal() {
        tamper.editEvents("a", 0, events -> {
            events.get(1).put("timestamp", new Date(0));
            Tamper.rehash(events.subList(1, 3), events.get(0).getString("hash"));
        });
        rehashCommit("a", 3);
        rehashCommit("a", 4);

        // the chain itself is consistent again: only the seal still knows the old hash
        assertSealBreak(verifier.verifyAggregate("a").firstBreak(), BreakKind.ALTERED, "a", 1, 2);
        assertThat(verifier.verifyAll().breaks()).singleElement()
                .satisfies(found -> assertSealBreak(found, BreakKind.ALTERED, "a", 1, 2));
    }

    @Test
    void aWholeAggregateStreamRemovedAfterSealingIsReportedByTheSeal() {
        tamper.deleteCommit(7L); // c#0-1, all of c

        assertThat(verifier.verifyAggregate("c")).isEqualTo(new AggregateVerification("c", 0, 0, null, null));
        assertThat(verifier.verifyAll().breaks()).singleElement()
                .satisfies(found -> assertSealBreak(found, BreakKind.REMOVED, "c", 0, 6));
    }

    @Test
    void anAlteredSealIsReportedAsSealBroken() {
        Document seal = tamper.seal(1);
        List<String> lines = new ArrayList<>(seal.getList("lines", String.class));
        lines.set(0, lines.get(0).replace(" a", " x"));
        tamper.replaceSeal(seal.append("lines", lines));

        assertThat(verifier.verifyAggregate("a").firstBreak()).satisfies(found -> {
            assertThat(found.kind()).isEqualTo(BreakKind.SEAL_BROKEN);
            assertThat(found.seal()).isEqualTo(1);
            assertThat(found.seq()).isZero();
        });
        assertThat(verifier.verifyAll().breaks()).singleElement().satisfies(found -> {
            assertThat(found.kind()).isEqualTo(BreakKind.SEAL_BROKEN);
            assertThat(found.seal()).isEqualTo(1);
        });
    }

    @Test
    void aRemovedSealIsReportedAndNotSealedOver() {
        engine.appendEvents(event("b", 1));
        clock.advance(Duration.ofMinutes(2));
        assertThat(sealer.sealAvailable()).hasSize(1);
        tamper.deleteSeal(2);

        assertThat(verifier.verifyAll().breaks()).singleElement().satisfies(found -> {
            assertThat(found.kind()).isEqualTo(BreakKind.SEAL_BROKEN);
            assertThat(found.seal()).isEqualTo(2);
        });
        assertThatThrownBy(sealer::sealAvailable).isInstanceOf(IllegalStateException.class)
                                                 .hasMessageContaining("Seal 2");
    }

    private void rehashCommit(String aggregateId, long firstSeq) {
        String prevHash = lastHashBefore(aggregateId, firstSeq);
        tamper.editEvents(aggregateId, firstSeq, events -> Tamper.rehash(events, prevHash));
    }

    private String lastHashBefore(String aggregateId, long firstSeq) {
        Document previous = db.getCollection(MongoEventStorageEngine.EVENTS)
                              .find(new Document("aggregateId", aggregateId).append("lastSeq", firstSeq - 1)).first();
        List<Document> events = previous.getList("events", Document.class);
        return events.get(events.size() - 1).getString("hash");
    }

    /** A commit of one event at the given position, hashed correctly, as a forger would write it. */
    private static Document forgedCommit(String aggregateId, long seq, String prevHash, long position) {
        Document event = new Document("eventId", UUID.randomUUID().toString())
                .append("aggregateType", "Thing")
                .append("aggregateId", aggregateId)
                .append("seq", seq)
                .append("timestamp", new Date())
                .append("payloadType", Fixtures.SomethingHappened.class.getName())
                .append("payloadRevision", null)
                .append("payload", new Document("id", aggregateId).append("n", (int) seq))
                .append("metaData", new Document())
                .append("prevHash", prevHash);
        event.append("hash", EventHash.of(event)).append("position", position);
        return new Document("_id", position).append("first", position)
                                            .append("aggregateId", aggregateId).append("aggregateType", "Thing")
                                            .append("firstSeq", seq).append("lastSeq", seq)
                                            .append("reservedAt", new Date())
                                            .append("events", List.of(event));
    }

    private static void assertBreak(IntegrityBreak found, BreakKind kind, String aggregateId, long seq) {
        assertThat(found).as("a break").isNotNull();
        assertThat(found.kind()).as(found.toString()).isEqualTo(kind);
        assertThat(found.aggregateId()).as(found.toString()).isEqualTo(aggregateId);
        assertThat(found.seq()).as(found.toString()).isEqualTo(seq);
        assertThat(found.seal()).as(found.toString()).isNull();
    }

    private static void assertSealBreak(IntegrityBreak found, BreakKind kind, String aggregateId, long seq,
                                        long position) {
        assertThat(found.kind()).as(found.toString()).isEqualTo(kind);
        assertThat(found.aggregateId()).as(found.toString()).isEqualTo(aggregateId);
        assertThat(found.seq()).as(found.toString()).isEqualTo(seq);
        assertThat(found.position()).as(found.toString()).isEqualTo(position);
        assertThat(found.seal()).as(found.toString()).isNotNull();
    }
}
