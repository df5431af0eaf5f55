package dk.laeringsledelse.query.audit;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * The storage layout of the audit history, as pure functions (no I/O). Every read and write is by {@code _id}.
 *
 * <pre>
 * audit_events        { _id: &lt;global position&gt;, eventId, at, aggregateType, aggregateId, seq, eventType, revision,
 *                       payload: "&lt;JSON&gt;", actor, actorRole, correlationId, teamId, institutionId, municipalityId }
 * audit_buckets       { _id: "team|&lt;teamId&gt;|2026-03|0", last: &lt;highest p&gt;,
 *                       refs: [ { p, at, type, agg, team, inst, muni, actor } ... ] }
 * audit_bucket_index  { _id: "team|&lt;teamId&gt;",
 *                       months: { "2026-01": { chunks: 1, first: &lt;p&gt; }, "2026-03": ... } }
 *                     { _id: "starts|team|&lt;teamId&gt;|2026-03",
 *                       starts: [ &lt;p of chunk 0&gt;, &lt;p of chunk 1&gt;, ... ] }
 * audit_units         { _id: "team|&lt;teamId&gt;", institutionId, municipalityId }  (and "institution|&lt;id&gt;")
 * </pre>
 *
 * Keys: {@code aggregate|id}, {@code team|id}, {@code institution|id}, {@code municipality|id}, {@code person|id},
 * {@code type|EventType}. A key's month is split into chunks (buckets) of at most {@link #CHUNK_SIZE} references in
 * position order, numbered from 0; every chunk but a month's last is full. So a bucket stays small however busy the
 * key (a write rewrites only a month's last chunk). The key's index holds per month only its number of chunks and
 * the first position, so it grows by a few bytes a month whatever the traffic; the first position of every chunk
 * (which chunk holds a position) is in a document per key and month, read only for the month a cursor is in. A
 * reference is what filters need; the event itself is stored once. A month is the calendar month of the event's
 * timestamp in UTC.
 */
final class AuditDocuments {

    static final String EVENTS = "audit_events";
    static final String BUCKETS = "audit_buckets";
    static final String INDEX = "audit_bucket_index";
    static final String UNITS = "audit_units";

    static final String ID = "_id";
    static final String REFS = "refs";
    static final String MONTHS = "months";
    static final String STARTS = "starts";
    static final String CHUNKS = "chunks";
    static final String FIRST = "first";
    static final String LAST = "last";

    /** The most references a bucket holds. */
    static final int CHUNK_SIZE = 64;

    private AuditDocuments() {
    }

    /** What a bucket holds per event: enough to order it and to filter it without reading the event. */
    record Ref(long position, Instant at, String eventType, String aggregateId, String teamId, String institutionId,
               String municipalityId, String actor) {
    }

    static String monthOf(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
    }

    /** The id of a key's month's chunk; month and chunk are the last two parts, so a key containing '|' is fine. */
    static String bucketId(String key, String month, int chunk) {
        return key + "|" + month + "|" + chunk;
    }

    static String key(String kind, String id) {
        return kind + "|" + id;
    }

    /** Every key an event is listed under: its aggregate, team, institution, municipality, actor and type. */
    static List<String> keysOf(AuditEvent event) {
        List<String> keys = new ArrayList<>();
        addKey(keys, "aggregate", event.aggregateId());
        addKey(keys, "team", event.teamId());
        addKey(keys, "institution", event.institutionId());
        addKey(keys, "municipality", event.municipalityId());
        addKey(keys, "person", event.actor());
        addKey(keys, "type", event.eventType());
        return keys;
    }

    /** The keys a filter names, most selective kinds first (the reader still picks by counted size). */
    static List<String> keysOf(EventHistoryFilter filter) {
        List<String> keys = new ArrayList<>();
        addKey(keys, "aggregate", filter.aggregateId());
        addKey(keys, "team", filter.teamId());
        addKey(keys, "person", filter.personId());
        addKey(keys, "institution", filter.institutionId());
        addKey(keys, "type", filter.eventType());
        addKey(keys, "municipality", filter.municipalityId());
        return keys;
    }

    private static void addKey(List<String> keys, String kind, String id) {
        if (id != null) {
            keys.add(key(kind, id));
        }
    }

    static Ref refOf(AuditEvent e) {
        return new Ref(e.position(), e.at(), e.eventType(), e.aggregateId(), e.teamId(), e.institutionId(),
                e.municipalityId(), e.actor());
    }

    static Document toDocument(Ref ref) {
        Document doc = new Document("p", ref.position()).append("at", Date.from(ref.at()))
                .append("type", ref.eventType());
        putIfPresent(doc, "agg", ref.aggregateId());
        putIfPresent(doc, "team", ref.teamId());
        putIfPresent(doc, "inst", ref.institutionId());
        putIfPresent(doc, "muni", ref.municipalityId());
        putIfPresent(doc, "actor", ref.actor());
        return doc;
    }

    static Ref refFrom(Document doc) {
        return new Ref(doc.get("p", Number.class).longValue(), doc.getDate("at").toInstant(), doc.getString("type"),
                doc.getString("agg"), doc.getString("team"), doc.getString("inst"), doc.getString("muni"),
                doc.getString("actor"));
    }

    static List<Ref> refsOf(Document bucket) {
        List<Document> refs = bucket.getList(REFS, Document.class);
        return refs == null ? List.of() : refs.stream().map(AuditDocuments::refFrom).toList();
    }

    /** The id of the document listing the first position of each chunk of the key's month. */
    static String startsId(String key, String month) {
        return STARTS + "|" + key + "|" + month; // no key begins with "starts|": keys begin with their kind
    }

    /** The key's months with events, in order. */
    static List<String> monthsOf(Document index) {
        Document months = monthIndexOf(index);
        return months == null ? List.of() : months.keySet().stream().sorted().toList();
    }

    /** How many chunks the key's month has (0 if none). */
    static int chunksOf(Document index, String month) {
        Document ofMonth = monthOf(index, month);
        return ofMonth == null ? 0 : ofMonth.get(CHUNKS, Number.class).intValue();
    }

    /** The first position of the key's month (its chunk 0's start); null if it has none. */
    static Long firstOf(Document index, String month) {
        Document ofMonth = monthOf(index, month);
        return ofMonth == null ? null : ofMonth.get(FIRST, Number.class).longValue();
    }

    /** Notes in the key's index the month's chunks and first position, from the month's starts. */
    static void listMonth(Document index, String month, List<Long> starts) {
        Document months = monthIndexOf(index);
        months.put(month, new Document(CHUNKS, starts.size()).append(FIRST, starts.get(0)));
    }

    /** The first position of each chunk of a month, in chunk order, from its starts document; empty if none. */
    static List<Long> startsOf(Document monthStarts) {
        List<Long> starts = monthStarts == null ? null : monthStarts.getList(STARTS, Long.class);
        return starts == null ? List.of() : starts;
    }

    private static Document monthIndexOf(Document index) {
        return index == null ? null : index.get(MONTHS, Document.class);
    }

    private static Document monthOf(Document index, String month) {
        Document months = monthIndexOf(index);
        return months == null ? null : months.get(month, Document.class);
    }

    /**
     * At least how many events the key holds in the months {@code [firstMonth, lastMonth]} (nulls: unbounded): every
     * chunk but a month's last is full, and the last holds one or more. The index keeps no exact count, so it changes
     * only when a chunk or a month begins, not with every event.
     */
    static long countOf(Document index, String firstMonth, String lastMonth) {
        return monthsOf(index).stream()
                .filter(month -> firstMonth == null || month.compareTo(firstMonth) >= 0)
                .filter(month -> lastMonth == null || month.compareTo(lastMonth) <= 0)
                .mapToLong(month -> {
                    int chunks = chunksOf(index, month);
                    return chunks == 0 ? 0 : (long) (chunks - 1) * CHUNK_SIZE + 1;
                })
                .sum();
    }

    static Document toDocument(AuditEvent e) {
        Document doc = new Document(ID, e.position()).append("eventId", e.eventId()).append("at", Date.from(e.at()))
                .append("eventType", e.eventType()).append("payload", e.payload());
        putIfPresent(doc, "aggregateType", e.aggregateType());
        putIfPresent(doc, "aggregateId", e.aggregateId());
        if (e.sequenceNumber() != null) {
            doc.append("seq", e.sequenceNumber());
        }
        putIfPresent(doc, "revision", e.revision());
        putIfPresent(doc, "actor", e.actor());
        putIfPresent(doc, "actorRole", e.actorRole());
        putIfPresent(doc, "correlationId", e.correlationId());
        putIfPresent(doc, "teamId", e.teamId());
        putIfPresent(doc, "institutionId", e.institutionId());
        putIfPresent(doc, "municipalityId", e.municipalityId());
        return doc;
    }

    static AuditEvent eventFrom(Document doc) {
        Number seq = doc.get("seq", Number.class);
        return new AuditEvent(doc.get(ID, Number.class).longValue(), doc.getString("eventId"),
                doc.getDate("at").toInstant(), doc.getString("aggregateType"), doc.getString("aggregateId"),
                seq == null ? null : seq.longValue(), doc.getString("eventType"), doc.getString("revision"),
                doc.getString("payload"), doc.getString("actor"), doc.getString("actorRole"),
                doc.getString("correlationId"), doc.getString("teamId"), doc.getString("institutionId"),
                doc.getString("municipalityId"));
    }

    private static void putIfPresent(Document doc, String key, String value) {
        if (value != null) {
            doc.append(key, value);
        }
    }
}
