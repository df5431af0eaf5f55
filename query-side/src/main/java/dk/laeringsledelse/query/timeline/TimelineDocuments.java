package dk.laeringsledelse.query.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * The storage layout of the team timeline, as pure functions (no I/O).
 *
 * <pre>
 * team_timelines       { _id: "&lt;teamId&gt;|2026-03", teamId, month: "2026-03", entries: [ entry... ] }   sorted by at, id
 * team_timeline_index  { _id: "&lt;teamId&gt;", months: [ "2026-01", "2026-03", ... ] }                     sorted
 * </pre>
 *
 * Every read and write is by {@code _id}: the embedded store indexes nothing else (see DESIGN.md).
 * A month is the calendar month of {@code at} in UTC.
 */
final class TimelineDocuments {

    static final String BUCKETS = "team_timelines";
    static final String INDEX = "team_timeline_index";

    static final String ID = "_id";
    static final String TEAM_ID = "teamId";
    static final String MONTH = "month";
    static final String ENTRIES = "entries";
    static final String MONTHS = "months";

    private TimelineDocuments() {
    }

    /** "2026-03" for any instant in March 2026 UTC. */
    static String monthOf(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
    }

    /** The bucket id; the month is always the last 7 characters, so a team id containing '|' stays unambiguous. */
    static String bucketId(String teamId, String month) {
        return teamId + "|" + month;
    }

    static Document newBucket(String teamId, String month) {
        return new Document(ID, bucketId(teamId, month)).append(TEAM_ID, teamId).append(MONTH, month)
                .append(ENTRIES, new ArrayList<Document>());
    }

    static List<Document> entriesOf(Document bucket) {
        List<Document> entries = bucket.getList(ENTRIES, Document.class);
        return entries == null ? List.of() : entries;
    }

    static List<String> monthsOf(Document index) {
        List<String> months = index == null ? null : index.getList(MONTHS, String.class);
        return months == null ? List.of() : months;
    }

    /**
     * The bucket with the entry added at its place in timeline order, or {@code null} when the bucket already holds
     * an entry with this id (re-delivery: nothing changes).
     */
    static Document withEntry(Document bucket, TimelineEntry entry) {
        List<Document> entries = new ArrayList<>(entriesOf(bucket));
        TimelinePosition position = entry.position();
        int insertAt = entries.size();
        for (int i = 0; i < entries.size(); i++) {
            Document existing = entries.get(i);
            if (entry.id().equals(existing.getString("id"))) {
                return null;
            }
            if (insertAt == entries.size() && position.compareTo(positionOf(existing)) < 0) {
                insertAt = i;
            }
        }
        entries.add(insertAt, toDocument(entry));
        return new Document(bucket).append(ENTRIES, entries);
    }

    /** The sorted month list with {@code month} added, or {@code null} when it is already there. */
    static List<String> withMonth(List<String> months, String month) {
        int found = Collections.binarySearch(months, month);
        if (found >= 0) {
            return null;
        }
        List<String> result = new ArrayList<>(months);
        result.add(-found - 1, month);
        return result;
    }

    static TimelinePosition positionOf(Document entry) {
        return new TimelinePosition(entry.getDate("at").toInstant(), entry.getString("id"));
    }

    /** An entry as stored in its bucket; the team id is the bucket's, absent fields are left out. */
    static Document toDocument(TimelineEntry entry) {
        Document doc = new Document("id", entry.id())
                .append("at", Date.from(entry.at()))
                .append("kind", entry.kind().name())
                .append("actor", entry.actor())
                .append("summary", entry.summary())
                .append("cycleId", entry.cycleId());
        putIfPresent(doc, "goalId", entry.goalId());
        putIfPresent(doc, "activityId", entry.activityId());
        putIfPresent(doc, "signId", entry.signId());
        putIfPresent(doc, "assessmentId", entry.assessmentId());
        putIfPresent(doc, "feedbackId", entry.feedbackId());
        putIfPresent(doc, "occurredOn", entry.occurredOn() == null ? null : entry.occurredOn().toString());
        return doc;
    }

    static TimelineEntry fromDocument(String teamId, Document doc) {
        String occurredOn = doc.getString("occurredOn");
        return new TimelineEntry(
                doc.getString("id"),
                teamId,
                doc.getDate("at").toInstant(),
                TimelineEntryKind.valueOf(doc.getString("kind")),
                doc.getString("actor"),
                doc.getString("summary"),
                doc.getString("cycleId"),
                doc.getString("goalId"),
                doc.getString("activityId"),
                doc.getString("signId"),
                doc.getString("assessmentId"),
                doc.getString("feedbackId"),
                occurredOn == null ? null : LocalDate.parse(occurredOn));
    }

    private static void putIfPresent(Document doc, String key, String value) {
        if (value != null) {
            doc.append(key, value);
        }
    }
}
