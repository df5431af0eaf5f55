package dk.laeringsledelse.query.timeline;

import dk.laeringsledelse.query.support.Connection;
import dk.laeringsledelse.eventstore.testsupport.CommandRecorder;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Reading a page costs the same, all by {@code _id}, however large the stored history of all teams is: the embedded
 * store indexes only {@code _id}, anything else would scan every document.
 */
class TimelineReadCostTest {

    private static final int MONTHS = 20;
    private static final int ENTRIES_PER_MONTH = 10;
    private static final String TEAM = "team-0";
    private static final YearMonth FIRST_MONTH = YearMonth.of(2024, 1);

    /** Commands sent by the client while recording. */
    private final CommandRecorder listener = new CommandRecorder();

    @Test
    void aPageOf50CostsTheSameBoundedNumberOfIdReads_with1000And100000EntriesStored() {
        Cost small = costOfReadingPages(1_000);
        Cost large = costOfReadingPages(100_000);

        assertThat(large).isEqualTo(small);
        // 10 entries per monthly bucket, 3 buckets per read. First page: the index, then months 1-6 in two reads.
        // Second page: the index, then months 5-11 in three reads (month 5 holds the cursor, entries after it follow).
        assertThat(small).isEqualTo(new Cost(3, 4));
    }

    @Test
    void theProjectionReadsAndWritesOnlyBy_id() {
        MongoDatabase db = TestMongo.freshDatabase(listener);
        TeamTimelineProjection projection = new TeamTimelineProjection(db);
        listener.start();
        TimelineEntries.ofAll(TimelineTestData.everyKind()).forEach(projection::add);
        TimelineEntries.ofAll(TimelineTestData.everyKind()).forEach(projection::add);
        listener.stop();

        assertThat(listener.commands()).isNotEmpty().allSatisfy(command -> {
            switch (command.getFirstKey()) {
                case "find" -> assertIdOnly(command.getDocument("filter"));
                case "update" -> command.getArray("updates")
                        .forEach(update -> assertIdOnly(update.asDocument().getDocument("q")));
                default -> throw new AssertionError("unexpected command " + command);
            }
        });
    }

    private record Cost(int firstPage, int middlePage) {
    }

    private Cost costOfReadingPages(int totalEntries) {
        MongoDatabase db = TestMongo.freshDatabase(listener);
        storeBuckets(db, totalEntries / (MONTHS * ENTRIES_PER_MONTH));
        TeamTimelineReader reader = new TeamTimelineReader(db);

        Connection<TimelineEntry> first = recordFinds(() -> reader.read(TEAM, null, null, 50, null));
        int firstPageFinds = listener.commands().size();
        assertThat(first.nodes()).hasSize(50);

        Connection<TimelineEntry> middle = recordFinds(() -> reader.read(TEAM, null, null, 50, first.pageInfo().endCursor()));
        int middlePageFinds = listener.commands().size();
        assertThat(middle.nodes()).hasSize(50);
        assertThat(middle.nodes().get(0).id()).isEqualTo(TEAM + "-e50");
        return new Cost(firstPageFinds, middlePageFinds);
    }

    private Connection<TimelineEntry> recordFinds(java.util.function.Supplier<Connection<TimelineEntry>> read) {
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
        } else {
            assertThat(id.isString()).as("filter %s", filter).isTrue();
        }
    }

    /** {@code teams} teams with {@link #ENTRIES_PER_MONTH} entries in each of {@link #MONTHS} months. */
    private static void storeBuckets(MongoDatabase db, int teams) {
        List<Document> buckets = new ArrayList<>();
        List<Document> indexes = new ArrayList<>();
        for (int team = 0; team < teams; team++) {
            String teamId = "team-" + team;
            List<String> months = new ArrayList<>();
            int n = 0;
            for (int m = 0; m < MONTHS; m++) {
                YearMonth month = FIRST_MONTH.plusMonths(m);
                months.add(month.toString());
                Document bucket = TimelineDocuments.newBucket(teamId, month.toString());
                List<Document> entries = TimelineDocuments.entriesOf(bucket);
                for (int i = 0; i < ENTRIES_PER_MONTH; i++) {
                    Instant at = month.atDay(1 + i).atStartOfDay(ZoneOffset.UTC).toInstant();
                    entries.add(TimelineDocuments.toDocument(TeamTimelineReaderTest.entry(teamId, teamId + "-e" + n++, at)));
                }
                buckets.add(bucket);
            }
            indexes.add(new Document("_id", teamId).append("months", months));
        }
        for (int from = 0; from < buckets.size(); from += 1_000) {
            db.getCollection(TimelineDocuments.BUCKETS).insertMany(buckets.subList(from, Math.min(from + 1_000, buckets.size())));
        }
        db.getCollection(TimelineDocuments.INDEX).insertMany(indexes);
    }
}
