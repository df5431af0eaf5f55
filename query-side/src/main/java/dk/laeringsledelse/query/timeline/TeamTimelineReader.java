package dk.laeringsledelse.query.timeline;

import dk.laeringsledelse.query.support.Connection;
import dk.laeringsledelse.query.support.Cursors;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.kernel.RuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Reads pages of a team's timeline with a bounded number of reads, all by {@code _id}, whatever the size of the
 * history: one read of the team's index document, then the buckets of the months that can hold the page, a few
 * months per read, oldest first, until the page is full.
 */
@Component
public class TeamTimelineReader {

    public static final int DEFAULT_PAGE_SIZE = 50;
    /** Buckets fetched per {@code find}: a page of 50 usually fits in a few months of a team. */
    static final int MONTHS_PER_READ = 3;

    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> index;

    public TeamTimelineReader(MongoDatabase database) {
        this.buckets = database.getCollection(TimelineDocuments.BUCKETS);
        this.index = database.getCollection(TimelineDocuments.INDEX);
    }

    /**
     * Entries of the team with {@code from <= at < to}, oldest first, the first {@code first} after the cursor.
     *
     * @param from  inclusive lower bound of {@code at}, or null for the beginning
     * @param to    exclusive upper bound of {@code at}, or null for now
     * @param first page size 1..{@value Cursors#MAX_PAGE}, null for {@value #DEFAULT_PAGE_SIZE}
     * @param after cursor of the last entry of the previous page, or null for the first page
     * @throws RuleViolation BAD_REQUEST naming {@code first}, {@code after} or {@code from}
     */
    public Connection<TimelineEntry> read(String teamId, Instant from, Instant to, Integer first, String after) {
        int pageSize = Cursors.pageSize(first, DEFAULT_PAGE_SIZE);
        if (from != null && to != null && from.isAfter(to)) {
            throw RuleViolation.badRequest("from", "from must not be after to");
        }
        TimelinePosition cursor = after == null ? null : TimelineCursor.decode(after);
        boolean hasPreviousPage = after != null;
        if (teamId == null || teamId.isBlank()) {
            return connection(List.of(), false, hasPreviousPage);
        }

        List<String> months = monthsToRead(teamId, from, to, cursor);
        List<TimelineEntry> page = new ArrayList<>(pageSize + 1);
        // Collect one entry more than asked: it tells whether there is a next page.
        reading:
        for (int i = 0; i < months.size(); i += MONTHS_PER_READ) {
            List<String> chunk = months.subList(i, Math.min(i + MONTHS_PER_READ, months.size()));
            Map<String, Document> bucketsById = fetch(teamId, chunk);
            for (String month : chunk) {
                Document bucket = bucketsById.get(TimelineDocuments.bucketId(teamId, month));
                if (bucket == null) {
                    continue; // indexed but not yet written (see TeamTimelineProjection): nothing there yet
                }
                for (Document stored : TimelineDocuments.entriesOf(bucket)) {
                    TimelinePosition position = TimelineDocuments.positionOf(stored);
                    if (to != null && !position.at().isBefore(to)) {
                        break reading; // entries are in timeline order: nothing later can be in range
                    }
                    if ((from != null && position.at().isBefore(from))
                            || (cursor != null && position.compareTo(cursor) <= 0)) {
                        continue;
                    }
                    page.add(TimelineDocuments.fromDocument(teamId, stored));
                    if (page.size() > pageSize) {
                        break reading;
                    }
                }
            }
        }
        boolean hasNextPage = page.size() > pageSize;
        return connection(hasNextPage ? page.subList(0, pageSize) : page, hasNextPage, hasPreviousPage);
    }

    /** The team's months that can hold entries in [max(from, cursor), to], oldest first. */
    private List<String> monthsToRead(String teamId, Instant from, Instant to, TimelinePosition cursor) {
        Instant lower = from;
        if (cursor != null && (lower == null || cursor.at().isAfter(lower))) {
            lower = cursor.at();
        }
        String firstMonth = lower == null ? null : TimelineDocuments.monthOf(lower);
        String lastMonth = to == null ? null : TimelineDocuments.monthOf(to);
        List<String> all = TimelineDocuments.monthsOf(index.find(eq(TimelineDocuments.ID, teamId)).first());
        return all.stream()
                .filter(month -> firstMonth == null || month.compareTo(firstMonth) >= 0)
                .filter(month -> lastMonth == null || month.compareTo(lastMonth) <= 0)
                .toList();
    }

    private Map<String, Document> fetch(String teamId, List<String> months) {
        List<String> ids = months.stream().map(month -> TimelineDocuments.bucketId(teamId, month)).toList();
        Map<String, Document> byId = new HashMap<>();
        for (Document bucket : buckets.find(in(TimelineDocuments.ID, ids))) {
            byId.put(bucket.getString(TimelineDocuments.ID), bucket);
        }
        return byId;
    }

    private static Connection<TimelineEntry> connection(List<TimelineEntry> entries, boolean hasNextPage,
                                                        boolean hasPreviousPage) {
        return Connection.of(entries, entry -> TimelineCursor.encode(entry.position()), hasNextPage, hasPreviousPage,
                null);
    }
}
