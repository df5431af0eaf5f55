package dk.laeringsledelse.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.testsupport.CommandRecorder;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import dk.laeringsledelse.query.support.Connection;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A page of the history costs the same few reads, all by {@code _id}, whether 1,000 or 100,000 events are stored:
 * the embedded store indexes only {@code _id}, anything else would scan.
 */
class AuditReadCostTest {

    private static final int MONTHS = 20;
    private static final int EVENTS_PER_MONTH = 10;
    private static final YearMonth FIRST_MONTH = YearMonth.of(2024, 1);

    /** Commands sent by the client while recording. */
    private final CommandRecorder listener = new CommandRecorder();

    @Test
    void aPageOf50CostsTheSameBoundedNumberOfIdReads_with1000And100000EventsStored() {
        Cost small = costOfReadingPages(1_000);
        Cost large = costOfReadingPages(100_000);

        assertThat(large).isEqualTo(small);
        // 10 events per month, one chunk each. First page: the index documents, months 1-6 (as many as the counts
        // say hold 51 events), the page's events. Second page: the index documents, months 5-11 (month 5 holds the
        // cursor, as its last event: none of its events is counted), the page's events.
        assertThat(small).isEqualTo(new Cost(3, 3));
    }

    /**
     * A team's month of 3,000 events (a dozen chunks), between two months of 100, and another team's events in
     * between: paged through with cursors, every event of the team comes once, in order, each page for the same few
     * reads.
     */
    @Test
    void aMonthOfManyChunksIsPagedThroughEveryEventOnceInOrder_withFewReadsPerPage() {
        MongoDatabase db = TestMongo.freshDatabase(listener);
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        Instant february = Instant.parse("2026-02-27T00:00:00Z");
        for (long p = 1; p <= 4_800; p++) {
            // t1 has 2 of every 3 events: 100 in February, 3,000 in March, 100 in April
            long t1Events = p - p / 3;
            Instant at = february.plusSeconds(p)
                    .plus(t1Events <= 100 ? 0 : t1Events <= 3_100 ? 3 : 40, ChronoUnit.DAYS);
            events.add(AuditTestEvents.noted(p, at, p % 3 == 0 ? "t2" : "t1", "i1", "m1", "pia"));
        }
        AuditTestEvents.deliver(db, events, 500);
        List<Long> expected = events.stream()
                .filter(e -> ((AuditTestEvents.Noted) e.getPayload()).teamId().equals("t1"))
                .map(e -> e.trackingToken().position().orElseThrow()).toList();
        assertThat(expected).hasSize(3_200);
        EventHistoryFilter byTeam = new EventHistoryFilter(null, "t1", null, null, null, null, null, null);
        for (int pageSize : List.of(50, 200)) {
            Paged paged = pageThrough(new AuditHistoryReader(db), byTeam, AuditScope.auditorOf("m1"), pageSize);

            assertThat(paged.positions()).as("pages of %d", pageSize).isEqualTo(expected);
            // the index, the chunks (usually one), the page's events
            assertThat(paged.maxReadsPerPage()).as("pages of %d", pageSize).isLessThanOrEqualTo(3);
        }
    }

    /**
     * Unfiltered, a leader of institution i1 who is also in team t3 of i2 reads three keys (i1, t1 of i1, t3): they
     * are merged in history order (month, then position, also where a writer's clock put a later event in the
     * earlier month), each event once though t1's events are under i1 too.
     */
    @Test
    void theKeysOfAScopeAreMergedInHistoryOrder_eachEventOnce() {
        Paged paged = assertMergedInHistoryOrder(
                new String[][] {{"t1", "i1"}, {"t2", "i1"}, {"t3", "i2"}, {"t4", "i2"}});

        // the indexes, the chunks (one read, at times two), the page's events
        assertThat(paged.maxReadsPerPage()).isLessThanOrEqualTo(4);
    }

    /**
     * As above, but most of i1's events are of the institution itself, which its leader may not see: the few visible
     * ones of i1 and t3's events interleave across many chunks of i1, and none is given out before an earlier one.
     */
    @Test
    void theKeysOfAScopeAreMergedInHistoryOrder_alsoWhereMostOfAKeysEventsAreNotVisible() {
        String[][] units = new String[20][];
        Arrays.fill(units, new String[] {null, "i1"});
        units[0] = new String[] {"t1", "i1"};
        units[1] = new String[] {"t3", "i2"};
        Paged paged = assertMergedInHistoryOrder(units);

        assertThat(paged.maxReadsPerPage()).isLessThanOrEqualTo(5);
    }

    /**
     * 2,000 events in two months, each of a random one of the units (team, institution), read unfiltered by a leader
     * of i1 who is in team t3; returns how they were paged.
     */
    private Paged assertMergedInHistoryOrder(String[][] units) {
        MongoDatabase db = TestMongo.freshDatabase(listener);
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        Random random = new Random(7);
        Instant march = Instant.parse("2026-03-01T00:00:00Z");
        for (long p = 1; p <= 2_000; p++) {
            String[] unit = units[random.nextInt(units.length)];
            Instant at = p <= 1_000 ? march.minus(20, ChronoUnit.DAYS).plusSeconds(p)
                    : p == 1_500 ? march.minusMillis(1) // its writer's clock was behind: in February, after 1000
                    : march.plusSeconds(p);
            events.add(AuditTestEvents.noted(p, at, unit[0], unit[1], "m1", "pia"));
        }
        AuditTestEvents.deliver(db, events, 300);
        AuditScope leaderAndEducator = new AuditScope(Set.of(), Set.of("i1"), Set.of("t1", "t3"));
        List<Long> expected = events.stream()
                .filter(e -> Arrays.asList("t1", "t2", "t3")
                        .contains(((AuditTestEvents.Noted) e.getPayload()).teamId()))
                .sorted(Comparator.comparing((TrackedEventMessage<?> e) -> AuditDocuments.monthOf(e.getTimestamp()))
                        .thenComparing(e -> e.trackingToken().position().orElseThrow()))
                .map(e -> e.trackingToken().position().orElseThrow()).toList();

        Paged paged = pageThrough(new AuditHistoryReader(db), null, leaderAndEducator, 50);

        assertThat(paged.positions()).isEqualTo(expected);
        return paged;
    }

    private record Paged(List<Long> positions, int maxReadsPerPage) {
    }

    private Paged pageThrough(AuditHistoryReader reader, EventHistoryFilter filter, AuditScope scope, int pageSize) {
        List<Long> positions = new ArrayList<>();
        int maxReads = 0;
        String after = null;
        Connection<AuditEvent> page;
        do {
            String cursor = after;
            page = record(() -> reader.read(filter, scope, pageSize, cursor));
            maxReads = Math.max(maxReads, listener.commands().size());
            page.nodes().forEach(event -> positions.add(event.position()));
            after = page.pageInfo().endCursor();
        } while (page.pageInfo().hasNextPage());
        return new Paged(positions, maxReads);
    }

    private record Cost(int firstPage, int secondPage) {
    }

    private Cost costOfReadingPages(int totalEvents) {
        MongoDatabase db = TestMongo.freshDatabase(listener);
        store(db, totalEvents / (MONTHS * EVENTS_PER_MONTH));
        AuditHistoryReader reader = new AuditHistoryReader(db);
        // team-0 of municipality m-0, by someone who acted in every team: the team is the key read, the rest in memory
        EventHistoryFilter filter = new EventHistoryFilter(null, "team-0", null, "m-0", "pia", null, null, null);
        AuditScope auditor = AuditScope.auditorOf("m-0");

        Connection<AuditEvent> first = record(() -> reader.read(filter, auditor, 50, null));
        int firstPage = listener.commands().size();
        assertThat(first.nodes()).hasSize(50);
        assertThat(first.pageInfo().hasNextPage()).isTrue();

        Connection<AuditEvent> second = record(() -> reader.read(filter, auditor, 50, first.pageInfo().endCursor()));
        int secondPage = listener.commands().size();
        assertThat(second.nodes()).hasSize(50);
        assertThat(second.nodes().get(0).position()).isEqualTo(first.nodes().get(49).position() + 1);
        return new Cost(firstPage, secondPage);
    }

    private Connection<AuditEvent> record(Supplier<Connection<AuditEvent>> read) {
        listener.start();
        try {
            return read.get();
        } finally {
            listener.stop();
            assertThat(listener.commands()).allSatisfy(command -> {
                assertThat(command.getFirstKey()).as("only finds: %s", command).isEqualTo("find");
                assertIdOnly(command.getDocument("filter"));
            });
        }
    }

    /** The filter is {@code {_id: value}} or {@code {_id: {$in: [...]}}}, nothing else. */
    private static void assertIdOnly(BsonDocument filter) {
        assertThat(filter.keySet()).as("filter %s", filter).containsExactly("_id");
        BsonValue id = filter.get("_id");
        if (id.isDocument()) {
            assertThat(id.asDocument().keySet()).as("filter %s", filter).containsExactly("$in");
        }
    }

    /**
     * {@code teams} teams, each in its own municipality, with {@link #EVENTS_PER_MONTH} events by {@code pia} in each
     * of {@link #MONTHS} months; stored as the projection lays them out (team, municipality and person keys).
     */
    private static void store(MongoDatabase db, int teams) {
        List<Document> events = new ArrayList<>();
        List<Document> buckets = new ArrayList<>();
        List<Document> indexes = new ArrayList<>();
        long position = 0;
        for (int team = 0; team < teams; team++) {
            List<String> keys = List.of("team|team-" + team, "municipality|m-" + team);
            Document months = new Document();
            for (int m = 0; m < MONTHS; m++) {
                String month = FIRST_MONTH.plusMonths(m).toString();
                List<Document> refs = new ArrayList<>();
                for (int i = 0; i < EVENTS_PER_MONTH; i++) {
                    Instant at = FIRST_MONTH.plusMonths(m).atDay(1 + i).atStartOfDay(ZoneOffset.UTC).toInstant();
                    AuditEvent event = new AuditEvent(++position, "e" + position, at, "LearningCycle", "c-" + team,
                            (long) i, "SignOfLearningDocumented", "1", "{\"cycleId\":\"c-" + team + "\"}", "pia",
                            "EDUCATOR", "corr", "team-" + team, "i-" + team, "m-" + team);
                    events.add(AuditDocuments.toDocument(event));
                    refs.add(AuditDocuments.toDocument(AuditDocuments.refOf(event)));
                }
                List<Long> starts = List.of(position - EVENTS_PER_MONTH + 1);
                months.append(month, new Document("chunks", 1).append("first", starts.get(0)));
                for (String key : keys) {
                    buckets.add(new Document("_id", AuditDocuments.bucketId(key, month, 0)).append("refs", refs)
                            .append("last", position));
                    indexes.add(new Document("_id", AuditDocuments.startsId(key, month)).append("starts", starts));
                }
            }
            for (String key : keys) {
                indexes.add(new Document("_id", key).append("months", months));
            }
        }
        // the person acted everywhere: by far the largest key, so the reader must not choose it (its buckets are
        // left out: reading them would fail the test)
        Document months = new Document();
        int chunksPerMonth = (teams * EVENTS_PER_MONTH + AuditDocuments.CHUNK_SIZE - 1) / AuditDocuments.CHUNK_SIZE;
        for (int m = 0; m < MONTHS; m++) {
            String month = FIRST_MONTH.plusMonths(m).toString();
            List<Long> starts = new ArrayList<>();
            for (long chunk = 0; chunk < chunksPerMonth; chunk++) {
                starts.add((long) m * teams * EVENTS_PER_MONTH + chunk * AuditDocuments.CHUNK_SIZE + 1);
            }
            months.append(month, new Document("chunks", chunksPerMonth).append("first", starts.get(0)));
            indexes.add(new Document("_id", AuditDocuments.startsId("person|pia", month)).append("starts", starts));
        }
        indexes.add(new Document("_id", "person|pia").append("months", months));
        insert(db, AuditDocuments.EVENTS, events);
        insert(db, AuditDocuments.BUCKETS, buckets);
        insert(db, AuditDocuments.INDEX, indexes);
    }

    private static void insert(MongoDatabase db, String collection, List<Document> documents) {
        for (int from = 0; from < documents.size(); from += 1_000) {
            db.getCollection(collection).insertMany(documents.subList(from, Math.min(from + 1_000, documents.size())));
        }
    }
}
