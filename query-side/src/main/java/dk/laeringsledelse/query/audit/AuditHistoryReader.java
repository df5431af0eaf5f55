package dk.laeringsledelse.query.audit;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.query.graphql.Connection;
import dk.laeringsledelse.query.graphql.Cursors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Pages of the audit history in history order — by month of the event's timestamp (UTC), then by global position;
 * that is the global order except for events at a month's edge whose writers' clocks disagreed by milliseconds —
 * with a bounded number of reads, all by {@code _id}, whatever the size of the store:
 * <ol>
 * <li>one read of the index documents of the keys the filter names (or, unfiltered, of the keys the caller may
 * see); of the named keys the one with the fewest events in the time range is read, the other fields are checked
 * in memory;</li>
 * <li>the buckets of that key, {@value #MONTHS_PER_READ} months per read, oldest first, until the page is full;</li>
 * <li>one read of the page's events by position.</li>
 * </ol>
 * On a real MongoDB every read uses the {@code _id} index only; no other index is needed.
 */
@Component
public class AuditHistoryReader {

    public static final int DEFAULT_PAGE_SIZE = 50;
    static final int MONTHS_PER_READ = 3;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> index;

    public AuditHistoryReader(MongoDatabase database) {
        this.events = database.getCollection(AuditDocuments.EVENTS);
        this.buckets = database.getCollection(AuditDocuments.BUCKETS);
        this.index = database.getCollection(AuditDocuments.INDEX);
    }

    /**
     * The events matching the filter that the scope may see, in history order, the first {@code first} after the
     * cursor.
     *
     * @throws RuleViolation BAD_REQUEST naming {@code first}, {@code after} or {@code filter.from}
     */
    public Connection<AuditEvent> read(EventHistoryFilter filter, AuditScope scope, Integer first, String after) {
        int pageSize = Cursors.pageSize(first, DEFAULT_PAGE_SIZE);
        EventHistoryFilter f = filter == null ? EventHistoryFilter.NONE : filter;
        if (f.from() != null && f.to() != null && f.from().isAfter(f.to())) {
            throw RuleViolation.badRequest("filter.from", "from must not be after to");
        }
        AuditCursor cursor = after == null ? null : AuditCursor.decode(after);
        String firstMonth = f.from() == null ? null : AuditDocuments.monthOf(f.from());
        if (cursor != null && (firstMonth == null || cursor.month().compareTo(firstMonth) > 0)) {
            firstMonth = cursor.month();
        }
        String lastMonth = f.to() == null ? null : AuditDocuments.monthOf(f.to());

        List<String> named = AuditDocuments.keysOf(f);
        List<String> candidates = named.isEmpty() ? scope.keys() : named;
        Map<String, Document> indexes = byId(index, candidates);
        List<String> keys = named.isEmpty() ? candidates : mostSelective(named, indexes, firstMonth, lastMonth);
        TreeSet<String> months = new TreeSet<>();
        for (String key : keys) {
            months.addAll(AuditDocuments.monthsOf(indexes.get(key)));
        }
        List<String> monthsInRange = new ArrayList<>(months.subSet(
                firstMonth == null ? "" : firstMonth, true, lastMonth == null ? "~" : lastMonth, true));

        // One reference more than asked: it tells whether there is a next page.
        List<AuditDocuments.Ref> page = new ArrayList<>(pageSize + 1);
        reading:
        for (int i = 0; i < monthsInRange.size(); i += MONTHS_PER_READ) {
            List<String> chunk = monthsInRange.subList(i, Math.min(i + MONTHS_PER_READ, monthsInRange.size()));
            List<String> ids = new ArrayList<>();
            chunk.forEach(month -> keys.forEach(key -> ids.add(AuditDocuments.bucketId(key, month))));
            Map<String, Document> read = byId(buckets, ids);
            for (String month : chunk) {
                // several keys (unfiltered reads) merge into one ordered month; a missing bucket is an empty one
                TreeMap<Long, AuditDocuments.Ref> ordered = new TreeMap<>();
                for (String key : keys) {
                    Document bucket = read.get(AuditDocuments.bucketId(key, month));
                    if (bucket != null) {
                        AuditDocuments.refsOf(bucket).forEach(ref -> ordered.put(ref.position(), ref));
                    }
                }
                for (AuditDocuments.Ref ref : ordered.values()) {
                    if ((cursor == null || cursor.isBefore(month, ref.position())) && f.matches(ref) && scope.sees(ref)) {
                        page.add(ref);
                        if (page.size() > pageSize) {
                            break reading;
                        }
                    }
                }
            }
        }
        boolean hasNextPage = page.size() > pageSize;
        List<AuditDocuments.Ref> shown = hasNextPage ? page.subList(0, pageSize) : page;
        return Connection.of(load(shown), event -> AuditCursor.of(event).encode(), hasNextPage, cursor != null, null);
    }

    /**
     * The one key a filter reads: of the keys it names, the one with the fewest events in the months. A named key
     * without an index has no events, so nothing can match.
     */
    private static List<String> mostSelective(List<String> named, Map<String, Document> indexes, String firstMonth,
                                              String lastMonth) {
        if (indexes.size() < named.size()) {
            return List.of();
        }
        return List.of(named.stream()
                .min(Comparator.comparingLong(key -> AuditDocuments.countOf(indexes.get(key), firstMonth, lastMonth)))
                .orElseThrow());
    }

    private List<AuditEvent> load(List<AuditDocuments.Ref> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        Map<Long, AuditEvent> byPosition = new HashMap<>();
        for (Document doc : events.find(in(AuditDocuments.ID, refs.stream().map(AuditDocuments.Ref::position).toList()))) {
            AuditEvent event = AuditDocuments.eventFrom(doc);
            byPosition.put(event.position(), event);
        }
        // a reference is written before its event: one whose event is not there yet is left out until it is
        return refs.stream().map(ref -> byPosition.get(ref.position())).filter(Objects::nonNull).toList();
    }

    private static Map<String, Document> byId(MongoCollection<Document> collection, List<String> ids) {
        Map<String, Document> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Document doc : collection.find(in(AuditDocuments.ID, ids))) {
                byId.put(doc.getString(AuditDocuments.ID), doc);
            }
        }
        return byId;
    }
}
