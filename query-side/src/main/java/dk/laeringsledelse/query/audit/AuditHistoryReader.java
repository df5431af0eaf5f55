package dk.laeringsledelse.query.audit;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.query.support.Connection;
import dk.laeringsledelse.query.support.Cursors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Pages of the audit history in history order — by month of the event's timestamp (UTC), then by global position;
 * that is the global order except for events at a month's edge whose writers' clocks disagreed by milliseconds —
 * with a bounded number of reads, all by {@code _id}, whatever the size of the store:
 * <ol>
 * <li>one read of the index documents of the keys the filter names (or, unfiltered, of the keys the caller may
 * see); of the named keys the one with the fewest events in the time range is read, the other fields are checked in
 * memory. The starts of the cursor's month come with it, or, where several keys are named, in a read of their own for
 * the key chosen if its month has more than one chunk;</li>
 * <li>the chunks of those keys, from the one holding the cursor (found by the month's starts), oldest first, in as
 * few reads as the index's counts say fill the page: sparse keys' chunks of many months in one read, a busy key's
 * one or two chunks;</li>
 * <li>one read of the page's events by position.</li>
 * </ol>
 * Several keys (unfiltered reads) are merged in history order: chunks are read in the order of their starts, and a
 * reference is given out once no unread chunk can hold an earlier one, i.e. before the smallest start of the keys'
 * next unread chunks. Outside the cursor's month only a month's first start is known (the index holds no more, so it
 * stays small); a later chunk's start is bounded from below instead (after the chunk before it: its start plus a
 * full chunk, or its last position once read), which may hold a reference back for a round but never gives one out
 * early. On a real MongoDB every read uses the {@code _id} index only; no other index is needed.
 */
@Component
public class AuditHistoryReader {

    public static final int DEFAULT_PAGE_SIZE = 50;
    /** How many times a page's worth of references one round of reads may ask for, at most. */
    private static final int MAX_WIDENING = 32;

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
        // which chunk of its month holds the cursor is in the month's starts: read with the indexes where every key
        // is read (one named, or the scope's), else for the one key chosen, if its month has more than one chunk
        boolean cursorMonthRead = cursor != null && cursor.month().equals(firstMonth)
                && (lastMonth == null || cursor.month().compareTo(lastMonth) <= 0);
        boolean allRead = named.size() <= 1;
        List<String> ids = new ArrayList<>(candidates);
        if (cursorMonthRead && allRead) {
            candidates.forEach(key -> ids.add(AuditDocuments.startsId(key, cursor.month())));
        }
        Map<String, Document> indexes = byId(index, ids);
        List<String> keys = allRead ? candidates : mostSelective(named, indexes, firstMonth, lastMonth);
        if (cursorMonthRead && !allRead && !keys.isEmpty()
                && AuditDocuments.chunksOf(indexes.get(keys.get(0)), cursor.month()) > 1) {
            indexes.putAll(byId(index, List.of(AuditDocuments.startsId(keys.get(0), cursor.month()))));
        }
        List<KeyChunks> unread = new ArrayList<>();
        for (String key : keys) {
            Document keyIndex = indexes.get(key);
            if (keyIndex != null) {
                List<Long> cursorStarts = cursor == null ? List.of()
                        : AuditDocuments.startsOf(indexes.get(AuditDocuments.startsId(key, cursor.month())));
                unread.add(new KeyChunks(key, keyIndex, cursorStarts, firstMonth, lastMonth, cursor));
            }
        }

        // read, not yet given out; by place, so an event listed under two of the keys is there once
        TreeMap<AuditCursor, AuditDocuments.Ref> read = new TreeMap<>();
        // one reference more than asked: it tells whether there is a next page
        List<AuditDocuments.Ref> page = new ArrayList<>(pageSize + 1);
        int widening = 1;
        while (true) {
            AuditCursor bound = unread.stream().map(KeyChunks::peek).filter(Objects::nonNull).map(Chunk::start)
                    .min(Comparator.naturalOrder()).orElse(null);
            while (page.size() <= pageSize && !read.isEmpty()
                    && (bound == null || read.firstKey().compareTo(bound) < 0)) {
                Map.Entry<AuditCursor, AuditDocuments.Ref> next = read.pollFirstEntry();
                if ((cursor == null || cursor.compareTo(next.getKey()) < 0) && f.matches(next.getValue())
                        && scope.sees(next.getValue())) {
                    page.add(next.getValue());
                }
            }
            if (page.size() > pageSize || bound == null) {
                break;
            }
            List<Chunk> chunks = nextRead(unread, (long) (pageSize + 1 - page.size()) * widening);
            // a round that did not fill the page found most references filtered out: the next reads four times as much
            widening = Math.min(widening * 4, MAX_WIDENING);
            Map<String, Document> bucketsById = byId(buckets, chunks.stream().map(Chunk::id).toList());
            for (Chunk chunk : chunks) {
                Document bucket = bucketsById.get(chunk.id()); // a chunk not written yet is an empty one
                List<AuditDocuments.Ref> refs = bucket == null ? List.of() : AuditDocuments.refsOf(bucket);
                refs.forEach(ref -> read.put(new AuditCursor(chunk.start().month(), ref.position()), ref));
                if (!refs.isEmpty()) {
                    chunk.of().read(chunk, refs.get(refs.size() - 1).position());
                }
            }
        }
        boolean hasNextPage = page.size() > pageSize;
        List<AuditDocuments.Ref> shown = hasNextPage ? page.subList(0, pageSize) : page;
        List<AuditEvent> loaded = load(shown);
        if (loaded.size() < shown.size()) {
            // the page ends before an event still being written: a cursor past it would skip it for good; with
            // nothing before it, there is no next page yet (the same cursor shows it once written)
            hasNextPage = !loaded.isEmpty();
        }
        return Connection.of(loaded, event -> AuditCursor.of(event).encode(), hasNextPage, cursor != null, null);
    }

    /**
     * The chunks to read next, in the order of their starts: as few as the counts say give out {@code wanted}
     * references. A read chunk's references can all be given out once its key's next chunk is read or is the first
     * unread one (or none is left), as no unread chunk then starts before the chunk's last reference.
     */
    private static List<Chunk> nextRead(List<KeyChunks> unread, long wanted) {
        List<Chunk> chunks = new ArrayList<>();
        Map<KeyChunks, Long> lastTaken = new HashMap<>(); // the size of each key's last chunk taken, not yet counted
        long counted = 0;
        while (true) {
            KeyChunks key = unread.stream().filter(k -> k.peek() != null)
                    .min(Comparator.comparing(k -> k.peek().start())).orElse(null);
            if (key == null) {
                return chunks;
            }
            if (!chunks.isEmpty() && counted + lastTaken.getOrDefault(key, 0L) >= wanted) {
                return chunks;
            }
            Chunk chunk = key.take();
            chunks.add(chunk);
            counted += lastTaken.getOrDefault(key, 0L);
            lastTaken.put(key, chunk.expected());
        }
    }

    /**
     * A chunk to read: whose it is, its number in its month, its id, its start in history order (or a lower bound of
     * it) and how many references after the cursor it holds.
     */
    private record Chunk(KeyChunks of, int no, String id, AuditCursor start, long expected) {
    }

    /** A key's chunks in the months read, in order, from the one holding the cursor; as the index counts them. */
    private static final class KeyChunks {

        private final String key;
        private final Document index;
        private final List<String> months;
        private final AuditCursor cursor;
        private final List<Long> cursorStarts;
        private int month;
        /** The known starts of the month: all for the cursor's month, else the first. */
        private List<Long> starts;
        private int chunks;
        private int chunkNo;
        private Chunk next;

        KeyChunks(String key, Document index, List<Long> cursorStarts, String firstMonth, String lastMonth,
                  AuditCursor cursor) {
            this.key = key;
            this.index = index;
            this.months = AuditDocuments.monthsOf(index).stream()
                    .filter(m -> firstMonth == null || m.compareTo(firstMonth) >= 0)
                    .filter(m -> lastMonth == null || m.compareTo(lastMonth) <= 0)
                    .filter(m -> AuditDocuments.chunksOf(index, m) > 0)
                    .toList();
            this.cursor = cursor;
            this.cursorStarts = cursorStarts;
            month = -1;
            nextMonth();
            if (next != null && cursor != null && next.start().month().equals(cursor.month())) {
                while (chunkNo + 1 < Math.min(starts.size(), chunks) && starts.get(chunkNo + 1) <= cursor.position()) {
                    chunkNo++;
                }
                next = chunk(startOf(chunkNo, null));
            }
        }

        /** The next chunk to read, or null. */
        Chunk peek() {
            return next;
        }

        /** The next chunk to read, taken. */
        Chunk take() {
            Chunk taken = next;
            if (chunkNo + 1 < chunks) {
                chunkNo++;
                next = chunk(startOf(chunkNo, taken.start().position() + AuditDocuments.CHUNK_SIZE));
            } else {
                nextMonth();
            }
            return taken;
        }

        /** A taken chunk was read, its last reference at that position: the next chunk starts after it. */
        void read(Chunk chunk, long lastPosition) {
            if (next != null && next.no() == chunk.no() + 1 && next.start().month().equals(chunk.start().month())
                    && next.start().position() <= lastPosition) {
                next = chunk(lastPosition + 1);
            }
        }

        /** The chunk's start if known, else the lower bound given. */
        private long startOf(int no, Long lowerBound) {
            return no < starts.size() ? starts.get(no) : lowerBound;
        }

        private void nextMonth() {
            month++;
            chunkNo = 0;
            if (month >= months.size()) {
                next = null;
                return;
            }
            String m = months.get(month);
            chunks = AuditDocuments.chunksOf(index, m);
            long first = AuditDocuments.firstOf(index, m);
            starts = cursor != null && m.equals(cursor.month()) && !cursorStarts.isEmpty() ? cursorStarts
                    : List.of(first);
            next = chunk(first);
        }

        private Chunk chunk(long start) {
            String m = months.get(month);
            // every chunk but a month's last is full; the last holds at least one: counting it so reads more at once
            long size = chunkNo < chunks - 1 ? AuditDocuments.CHUNK_SIZE : 1;
            Long end = chunkNo + 1 < Math.min(starts.size(), chunks) ? starts.get(chunkNo + 1)
                    : chunkNo + 1 == chunks && month + 1 < months.size()
                    ? AuditDocuments.firstOf(index, months.get(month + 1)) : null;
            if (cursor != null && m.equals(cursor.month()) && start <= cursor.position() && end != null
                    && end > start) {
                // the chunk holding the cursor: the part after it, as if its positions were spread evenly
                size = size * (end - 1 - cursor.position()) / (end - start);
            }
            return new Chunk(this, chunkNo, AuditDocuments.bucketId(key, m, chunkNo), new AuditCursor(m, start),
                    Math.max(0, Math.min(size, AuditDocuments.CHUNK_SIZE)));
        }
    }

    /**
     * The one key a filter reads: of the keys it names, the one with the fewest events in the months. A named key
     * without an index has no events, so nothing can match.
     */
    private static List<String> mostSelective(List<String> named, Map<String, Document> indexes, String firstMonth,
                                              String lastMonth) {
        if (!indexes.keySet().containsAll(named)) {
            return List.of();
        }
        return List.of(named.stream()
                .min(Comparator.comparingLong(key -> AuditDocuments.countOf(indexes.get(key), firstMonth, lastMonth)))
                .orElseThrow());
    }

    /**
     * The events of the references, in their order, up to the first whose event is not written yet (a reference is
     * written before its event, in the same batch).
     */
    private List<AuditEvent> load(List<AuditDocuments.Ref> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        Map<Long, AuditEvent> byPosition = new HashMap<>();
        List<Long> positions = refs.stream().map(AuditDocuments.Ref::position).toList();
        for (Document doc : events.find(in(AuditDocuments.ID, positions))) {
            AuditEvent event = AuditDocuments.eventFrom(doc);
            byPosition.put(event.position(), event);
        }
        List<AuditEvent> loaded = new ArrayList<>();
        for (Long position : positions) {
            AuditEvent event = byPosition.get(position);
            if (event == null) {
                break;
            }
            loaded.add(event);
        }
        return loaded;
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
