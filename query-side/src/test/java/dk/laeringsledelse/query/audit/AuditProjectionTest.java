package dk.laeringsledelse.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.testsupport.CommandRecorder;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.cycle.CycleId;
import dk.laeringsledelse.kernel.cycle.DataBasis;
import dk.laeringsledelse.kernel.cycle.LearningCycleStarted;
import dk.laeringsledelse.kernel.cycle.PlannedPeriod;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.organisation.InstitutionKind;
import dk.laeringsledelse.kernel.organisation.InstitutionRegistered;
import dk.laeringsledelse.kernel.organisation.MunicipalityId;
import dk.laeringsledelse.kernel.organisation.TeamRegistered;
import dk.laeringsledelse.query.audit.AuditTestEvents.Write;
import dk.laeringsledelse.query.support.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** From events to the audit history's buckets (chunks of a key's month), and idempotent on re-delivery. */
class AuditProjectionTest {

    private static final MunicipalityId MUNICIPALITY = new MunicipalityId("m1");
    private static final InstitutionId INSTITUTION = new InstitutionId("i1");
    private static final TeamId TEAM = TeamId.of("t1");
    private static final CycleId CYCLE = CycleId.of("c1");
    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final AuditProjection projection = new AuditProjection(db);

    private final List<TrackedEventMessage<?>> history = List.of(
            message(1, "Institution", "i1", 0, "2026-01-31T23:00:00Z", "operator",
                    new InstitutionRegistered(INSTITUTION, MUNICIPALITY, "Solsikken", InstitutionKind.DAYCARE)),
            message(2, "Team", "t1", 0, "2026-01-31T23:30:00Z", "operator",
                    new TeamRegistered(TEAM, INSTITUTION, MUNICIPALITY, "Bierne", "3-4 år")),
            message(3, "LearningCycle", "c1", 0, "2026-02-02T09:30:00.120Z", "pia",
                    new LearningCycleStarted(CYCLE, TEAM, "Sprog", new PlannedPeriod(LocalDate.of(2026, 2, 1),
                            LocalDate.of(2026, 4, 30)), new DataBasis("T1 viser", "Profilanalyse"))));

    @Test
    void everyEventIsStoredOnceAndListedUnderEachOfItsKeysPerMonth() {
        deliver(history);

        Document started = db.getCollection(AuditDocuments.EVENTS).find(new Document("_id", 3L)).first();
        assertThat(started).isNotNull();
        AuditEvent event = AuditDocuments.eventFrom(started);
        assertThat(event).extracting(AuditEvent::aggregateType, AuditEvent::aggregateId, AuditEvent::sequenceNumber,
                        AuditEvent::eventType, AuditEvent::revision, AuditEvent::actor, AuditEvent::actorRole,
                        AuditEvent::correlationId, AuditEvent::teamId, AuditEvent::institutionId,
                        AuditEvent::municipalityId, AuditEvent::at)
                .containsExactly("LearningCycle", "c1", 0L, "LearningCycleStarted", "1", "pia", "COORDINATOR",
                        "corr-3", "t1", "i1", "m1", Instant.parse("2026-02-02T09:30:00.120Z"));
        assertThat(event.payload()).contains("\"cycleId\":\"c1\"", "\"title\":\"Sprog\"", "\"start\":\"2026-02-01\"");

        assertThat(positions("municipality|m1|2026-01|0")).containsExactly(1L, 2L);
        assertThat(positions("municipality|m1|2026-02|0")).containsExactly(3L);
        assertThat(positions("institution|i1|2026-02|0")).containsExactly(3L);
        assertThat(positions("team|t1|2026-01|0")).containsExactly(2L);
        assertThat(positions("team|t1|2026-02|0")).containsExactly(3L);
        assertThat(positions("aggregate|c1|2026-02|0")).containsExactly(3L);
        assertThat(positions("person|pia|2026-02|0")).containsExactly(3L);
        assertThat(positions("person|operator|2026-01|0")).containsExactly(1L, 2L);
        assertThat(positions("type|LearningCycleStarted|2026-02|0")).containsExactly(3L);

        Document index = index("municipality|m1");
        assertThat(AuditDocuments.monthsOf(index)).containsExactly("2026-01", "2026-02");
        assertThat(starts("municipality|m1", "2026-01")).containsExactly(1L);
        assertThat(starts("municipality|m1", "2026-02")).containsExactly(3L);
        assertThat(AuditDocuments.chunksOf(index, "2026-02")).isEqualTo(1);
        assertThat(AuditDocuments.firstOf(index, "2026-02")).isEqualTo(3L);
        // at least: a month's last chunk counts one, so the index changes only when a month or chunk begins
        assertThat(AuditDocuments.countOf(index, null, null)).isEqualTo(2);
        assertThat(AuditDocuments.countOf(index, "2026-02", null)).isEqualTo(1);
    }

    @Test
    void aBusyMonthIsSplitIntoFullChunksAndALastOne_listedInTheIndex_howeverBatched() {
        int chunk = AuditDocuments.CHUNK_SIZE;
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        for (long p = 1; p <= 2L * chunk + 10; p++) {
            events.add(AuditTestEvents.noted(p, MARCH.plusSeconds(p), "t1", "i1", "m1", p % 2 == 0 ? "pia" : "ole"));
        }
        AuditTestEvents.deliver(db, events, 100);

        assertThat(positions("team|t1|2026-03|0")).isEqualTo(range(1, chunk));
        assertThat(positions("team|t1|2026-03|1")).isEqualTo(range(chunk + 1, 2 * chunk));
        assertThat(positions("team|t1|2026-03|2")).isEqualTo(range(2 * chunk + 1, 2 * chunk + 10));
        assertThat(db.getCollection(AuditDocuments.BUCKETS).countDocuments(new Document("_id", "team|t1|2026-03|3")))
                .isZero();
        Document team = index("team|t1");
        assertThat(starts("team|t1", "2026-03")).containsExactly(1L, chunk + 1L, 2 * chunk + 1L);
        // the key's index holds per month only the number of chunks and the first position
        assertThat(team.get(AuditDocuments.MONTHS, Document.class))
                .isEqualTo(new Document("2026-03", new Document("chunks", 3).append("first", 1L)));
        assertThat(AuditDocuments.countOf(team, null, null)).isEqualTo(2L * chunk + 1);
        // pia acted in every second event: two chunks, the second holding the last 5 of her 261
        Document pia = index("person|pia");
        assertThat(starts("person|pia", "2026-03")).containsExactly(2L, 2L * chunk + 2);
        assertThat(positions("person|pia|2026-03|1")).hasSize(5);
        assertThat(AuditDocuments.countOf(pia, "2026-03", "2026-03")).isEqualTo(chunk + 1L);

        MongoDatabase inOddBatches = TestMongo.freshDatabase();
        AuditTestEvents.deliver(inOddBatches, events, 7);
        assertThat(AuditTestEvents.everything(inOddBatches)).isEqualTo(AuditTestEvents.everything(db));
    }

    /**
     * A key's index, read by every page of its history and written at every new chunk, grows by one small entry a
     * month however busy the month: which chunk holds a position is in a document of that month alone.
     */
    @Test
    void aKeysIndexGrowsByOneSmallEntryAMonth_howeverManyChunksTheMonthHas() {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        for (long p = 1; p <= 1_010; p++) { // 10 events in March, 1,000 (16 chunks) in April
            events.add(AuditTestEvents.noted(p, MARCH.plus(p <= 10 ? 0 : 31, ChronoUnit.DAYS).plusSeconds(p), "t1",
                    "i1", "m1", "pia"));
        }
        AuditTestEvents.deliver(db, events, 100);

        Document team = index("team|t1");
        assertThat(team.get(AuditDocuments.MONTHS, Document.class)).isEqualTo(new Document()
                .append("2026-03", new Document("chunks", 1).append("first", 1L))
                .append("2026-04", new Document("chunks", 16).append("first", 11L)));
        assertThat(starts("team|t1", "2026-04")).hasSize(16).startsWith(11L, 11L + AuditDocuments.CHUNK_SIZE);
        assertThat(starts("team|t1", "2026-03")).containsExactly(1L);
        assertThat(AuditDocuments.countOf(team, "2026-04", null)).isEqualTo(15L * AuditDocuments.CHUNK_SIZE + 1);
    }

    /**
     * A batch writes its documents at its end, in the order they were first touched (a key's index, then its
     * month's starts, before its buckets, an event last); a crash after any of those writes re-delivers the whole
     * batch, which must then leave the documents of a run without a crash. The second batch fills chunk 0 of
     * several keys, starts chunk 1 and a new month.
     */
    @Test
    void aBatchRedeliveredAfterACrashAtAnyOfItsWritesLeavesWhatACleanRunLeaves() {
        List<Write> writes = assertRedeliveryRepairsEveryCrash(Comparator.comparing(write -> 0));

        // among the crashes: the index lists the new chunk, which is not written
        List<String> ids = writes.stream().map(write -> write.id().isString() ? write.id().asString().getValue() : "")
                .toList();
        assertThat(ids.indexOf("municipality|m1")).isNotNegative()
                .isLessThan(ids.indexOf("starts|municipality|m1|2026-03"));
        assertThat(ids.indexOf("starts|municipality|m1|2026-03"))
                .isLessThan(ids.indexOf("municipality|m1|2026-03|1"));
    }

    /** Not an order BatchedWrites writes in, but the projection repairs it as well: chunks before the index. */
    @Test
    void aBatchRedeliveredAfterChunksWereWrittenWithoutTheIndexLeavesWhatACleanRunLeaves() {
        List<String> order = List.of(AuditDocuments.BUCKETS, AuditDocuments.INDEX, AuditDocuments.EVENTS);
        assertRedeliveryRepairsEveryCrash(Comparator.comparing(write -> order.indexOf(write.collection())));
    }

    /** Returns the second batch's writes, in the order applied. */
    private List<Write> assertRedeliveryRepairsEveryCrash(Comparator<Write> order) {
        int chunk = AuditDocuments.CHUNK_SIZE;
        List<TrackedEventMessage<?>> first = new ArrayList<>();
        List<TrackedEventMessage<?>> second = new ArrayList<>();
        for (long p = 1; p <= chunk + 3; p++) {
            Instant at = p <= chunk + 1 ? MARCH.plusSeconds(p) : MARCH.plus(31, ChronoUnit.DAYS).plusSeconds(p);
            (p <= chunk - 3 ? first : second).add(AuditTestEvents.noted(p, at, "t" + (p % 3 == 0 ? 2 : 1), "i1", "m1",
                    p % 2 == 0 ? "pia" : "ole"));
        }
        CommandRecorder recorder = new CommandRecorder();
        MongoDatabase clean = TestMongo.freshDatabase(recorder);
        AuditTestEvents.deliver(clean, first, first.size());
        Map<String, List<Document>> afterFirst = AuditTestEvents.everything(clean);
        recorder.start();
        AuditTestEvents.deliver(clean, second, second.size());
        recorder.stop();
        Map<String, List<Document>> afterSecond = AuditTestEvents.everything(clean);
        List<Write> writes = AuditTestEvents.writes(recorder).stream().sorted(order).toList();
        assertThat(writes).extracting(Write::collection)
                .contains(AuditDocuments.INDEX, AuditDocuments.BUCKETS, AuditDocuments.EVENTS);

        for (int crashedAfter = 0; crashedAfter < writes.size(); crashedAfter++) {
            MongoDatabase crashed = AuditTestEvents.crashedAfter(afterFirst, writes, crashedAfter);

            AuditTestEvents.deliver(crashed, second, second.size());

            assertThat(AuditTestEvents.everything(crashed)).as("crashed after %d of %d writes", crashedAfter,
                    writes.size()).isEqualTo(afterSecond);
        }
        return writes;
    }


    @Test
    void aRedeliveredEventChangesNothing() {
        deliver(history);
        Map<String, List<Document>> before = AuditTestEvents.everything(db);

        deliver(history);

        assertThat(AuditTestEvents.everything(db)).isEqualTo(before);
    }

    @Test
    void aResetEmptiesTheHistoryAndAReplayWritesTheSameDocuments() {
        deliver(history);
        Map<String, List<Document>> before = AuditTestEvents.everything(db);

        projection.reset();
        assertThat(AuditTestEvents.everything(db).values()).allSatisfy(documents -> assertThat(documents).isEmpty());
        deliver(history);

        assertThat(AuditTestEvents.everything(db)).isEqualTo(before);
    }

    @Test
    void theReaderAnswersOnlyWhatTheScopeSees() {
        deliver(history);
        AuditHistoryReader reader = new AuditHistoryReader(db);
        EventHistoryFilter byPia = new EventHistoryFilter(null, null, null, null, "pia", null, null, null);

        assertThat(reader.read(byPia, AuditScope.auditorOf("m1"), null, null).nodes())
                .extracting(AuditEvent::position).containsExactly(3L);
        assertThat(reader.read(byPia, AuditScope.auditorOf("m2"), null, null).nodes()).isEmpty();
        // a team's reader sees the team's events, not the institution's registration
        assertThat(reader.read(null, new AuditScope(Set.of(), Set.of(), Set.of("t1")), null, null).nodes())
                .extracting(AuditEvent::position).containsExactly(2L, 3L);
    }

    /**
     * A batch writes an event's references before the event: a page read in between ends before the first reference
     * whose event is missing, so that no cursor passes it, and shows it once it is written.
     */
    @Test
    void aPageEndsBeforeAnEventNotWrittenYet_andShowsItOnceWritten() {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        for (long p = 1; p <= 10; p++) {
            events.add(AuditTestEvents.noted(p, MARCH.plusSeconds(p), "t1", "i1", "m1", "pia"));
        }
        AuditTestEvents.deliver(db, events, 10);
        Document fifth = db.getCollection(AuditDocuments.EVENTS).findOneAndDelete(new Document("_id", 5L));
        AuditHistoryReader reader = new AuditHistoryReader(db);
        EventHistoryFilter byTeam = new EventHistoryFilter(null, "t1", null, null, null, null, null, null);
        AuditScope auditor = AuditScope.auditorOf("m1");

        Connection<AuditEvent> first = reader.read(byTeam, auditor, 50, null);
        assertThat(first.nodes()).extracting(AuditEvent::position).containsExactly(1L, 2L, 3L, 4L);
        assertThat(first.pageInfo().hasNextPage()).isTrue();
        Connection<AuditEvent> waiting = reader.read(byTeam, auditor, 50, first.pageInfo().endCursor());
        assertThat(waiting.nodes()).isEmpty();
        assertThat(waiting.pageInfo().hasNextPage()).isFalse();

        db.getCollection(AuditDocuments.EVENTS).insertOne(fifth);
        assertThat(reader.read(byTeam, auditor, 50, first.pageInfo().endCursor()).nodes())
                .extracting(AuditEvent::position).containsExactly(5L, 6L, 7L, 8L, 9L, 10L);
    }

    private void deliver(List<TrackedEventMessage<?>> messages) {
        messages.forEach(m -> projection.on(m.getPayload(), m, m.trackingToken()));
    }

    private List<Long> positions(String bucketId) {
        Document bucket = db.getCollection(AuditDocuments.BUCKETS).find(new Document("_id", bucketId)).first();
        assertThat(bucket).as(bucketId).isNotNull();
        return AuditDocuments.refsOf(bucket).stream().map(AuditDocuments.Ref::position).toList();
    }

    private Document index(String key) {
        return db.getCollection(AuditDocuments.INDEX).find(new Document("_id", key)).first();
    }

    private List<Long> starts(String key, String month) {
        return AuditDocuments.startsOf(index(AuditDocuments.startsId(key, month)));
    }

    private static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    private static TrackedEventMessage<?> message(long position, String type, String aggregateId, long seq, String at,
                                                  String actor, Object payload) {
        Map<String, Object> metaData = Map.of(MetaDataKeys.ACTOR, actor,
                MetaDataKeys.ACTOR_ROLE, actor.equals("pia") ? "COORDINATOR" : "OPERATOR",
                MetaDataKeys.CORRELATION_ID, "corr-" + position);
        return new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(position, List.of()),
                new GenericDomainEventMessage<>(type, aggregateId, seq, payload, metaData, "e-" + position,
                        Instant.parse(at)));
    }
}
