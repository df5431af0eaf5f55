package dk.laeringsledelse.eventstore.integrity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.MongoEventStorageEngine;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Read access to the engine's commit documents for sealing and verification, through the same shapes as the
 * engine's hot paths only: {@code _id} (= a commit's last position) {@code $in} a window of positions, and exact
 * matches on the unique keys {@code (aggregateId, firstSeq)} and {@code (aggregateId, lastSeq)}.
 */
final class StoredCommits {

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> sequences;

    StoredCommits(MongoDatabase database) {
        this.events = database.getCollection(MongoEventStorageEngine.EVENTS);
        this.sequences = database.getCollection(MongoEventStorageEngine.SEQUENCES);
    }

    /** The highest reserved global position (0 when nothing was ever appended). */
    long headPosition() {
        Document counter = sequences.find(eq("_id", MongoEventStorageEngine.EVENTS_COUNTER)).first();
        return counter == null ? 0 : number(counter, "value");
    }

    /** The commits whose last position lies in {@code from..to}, in position order. */
    List<Document> endingIn(long from, long to) {
        if (to < from) {
            return List.of();
        }
        List<Long> ids = LongStream.rangeClosed(from, to).boxed().toList();
        List<Document> commits = events.find(in("_id", ids)).into(new ArrayList<>());
        commits.sort(Comparator.comparingLong(StoredCommits::last));
        return commits;
    }

    Document startingAt(String aggregateId, long firstSeq) {
        return events.find(new Document("aggregateId", aggregateId).append("firstSeq", firstSeq)).first();
    }

    Document endingAt(String aggregateId, long lastSeq) {
        return events.find(new Document("aggregateId", aggregateId).append("lastSeq", lastSeq)).first();
    }

    static long first(Document commit) {
        return number(commit, "first");
    }

    static long last(Document commit) {
        return number(commit, "_id");
    }

    static List<Document> events(Document commit) {
        List<Document> events = commit.getList("events", Document.class);
        return events == null ? List.of() : events;
    }

    static boolean isVoid(Document commit) {
        return events(commit).isEmpty()
                && String.valueOf(commit.get("aggregateId")).startsWith(MongoEventStorageEngine.VOID_PREFIX);
    }

    /** A numeric field as long; -1 when missing or not a number (only tampering makes it so). */
    static long number(Document document, String field) {
        return document.get(field) instanceof Number n ? n.longValue() : -1;
    }
}
