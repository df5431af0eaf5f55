package dk.laeringsledelse.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.testsupport.CommandRecorder;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import dk.laeringsledelse.query.graphql.Connection;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonValue;
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
        // 10 events per month, 3 months per read. First page: the index documents, months 1-3 and 4-6 (the 51st
        // event), the page's events. Second page: the index documents, months 5-7 (5 holds the cursor), 8-10 and 11,
        // the page's events.
        assertThat(small).isEqualTo(new Cost(4, 5));
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
            List<String> months = new ArrayList<>();
            Document counts = new Document();
            for (int m = 0; m < MONTHS; m++) {
                String month = FIRST_MONTH.plusMonths(m).toString();
                months.add(month);
                counts.append(month, EVENTS_PER_MONTH);
                List<Document> refs = new ArrayList<>();
                for (int i = 0; i < EVENTS_PER_MONTH; i++) {
                    Instant at = FIRST_MONTH.plusMonths(m).atDay(1 + i).atStartOfDay(ZoneOffset.UTC).toInstant();
                    AuditEvent event = new AuditEvent(++position, "e" + position, at, "LearningCycle", "c-" + team,
                            (long) i, "SignOfLearningDocumented", "1", "{\"cycleId\":\"c-" + team + "\"}", "pia",
                            "EDUCATOR", "corr", "team-" + team, "i-" + team, "m-" + team);
                    events.add(AuditDocuments.toDocument(event));
                    refs.add(AuditDocuments.toDocument(AuditDocuments.refOf(event)));
                }
                for (String key : keys) {
                    buckets.add(new Document("_id", AuditDocuments.bucketId(key, month)).append("refs", refs));
                }
            }
            for (String key : keys) {
                indexes.add(new Document("_id", key).append("months", months).append("counts", counts));
            }
        }
        // the person acted everywhere: by far the largest key, so the reader must not choose it (its buckets are
        // left out: reading them would fail the test)
        List<String> months = new ArrayList<>();
        Document counts = new Document();
        for (int m = 0; m < MONTHS; m++) {
            months.add(FIRST_MONTH.plusMonths(m).toString());
            counts.append(FIRST_MONTH.plusMonths(m).toString(), teams * EVENTS_PER_MONTH);
        }
        indexes.add(new Document("_id", "person|pia").append("months", months).append("counts", counts));
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
