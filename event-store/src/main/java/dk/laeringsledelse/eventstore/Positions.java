package dk.laeringsledelse.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;
import static dk.laeringsledelse.eventstore.MongoEventStorageEngine.EVENTS_COUNTER;

/** The global position counter: the document {@value MongoEventStorageEngine#EVENTS_COUNTER} in the sequences. */
final class Positions {

    private final MongoCollection<Document> sequences;

    Positions(MongoCollection<Document> sequences) {
        this.sequences = sequences;
    }

    /** Creates the counter if missing, once, so that the $inc of concurrent appends never has to upsert. */
    void ensureCounter() {
        try {
            sequences.insertOne(new Document("_id", EVENTS_COUNTER).append("value", 0L));
        } catch (MongoException e) {
            if (!MongoEventStorageEngine.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    /** The highest reserved position (0 when nothing was ever appended). */
    long head() {
        Document counter = sequences.find(eq("_id", EVENTS_COUNTER)).first();
        if (counter == null) {
            throw new IllegalStateException("no event position counter; call ensureIndexes()");
        }
        return counter.get("value", Number.class).longValue();
    }

    /** Reserves n positions; returns the value before, so the caller owns before+1 .. before+n. */
    long reserve(int n) {
        // ReturnDocument.BEFORE: the embedded test server can return duplicate AFTER values under concurrency
        Document before = sequences.findOneAndUpdate(
                eq("_id", EVENTS_COUNTER), inc("value", (long) n),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            throw new IllegalStateException("no event position counter; call ensureIndexes()");
        }
        return before.get("value", Number.class).longValue();
    }
}
