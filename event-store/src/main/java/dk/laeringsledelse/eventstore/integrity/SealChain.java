package dk.laeringsledelse.eventstore.integrity;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import dk.laeringsledelse.eventstore.MongoEventStorageEngine;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.max;

/**
 * The seal documents in {@value #SEALS} ({@code _id} = seal number 1, 2, …), read by {@code _id} only. The
 * number of the latest seal is kept as a hint in {@code sequences/}{@value #HINT}: raised after each insert, it may
 * lag behind (a sealer that stopped between insert and raise), so the latest seal is found by probing forward
 * from it.
 */
final class SealChain {

    static final String SEALS = "chain_seals";
    static final String HINT = "chain_seals";
    private static final int PROBE = 32;

    private final MongoCollection<Document> seals;
    private final MongoCollection<Document> sequences;

    SealChain(MongoDatabase database) {
        this.seals = database.getCollection(SEALS);
        this.sequences = database.getCollection(MongoEventStorageEngine.SEQUENCES);
    }

    /** The number of the latest seal as last recorded; 0 when nothing was sealed. */
    long hint() {
        Document hint = sequences.find(eq("_id", HINT)).first();
        return hint == null ? 0 : StoredCommits.number(hint, "value");
    }

    void raiseHint(long number) {
        try {
            sequences.updateOne(eq("_id", HINT), max("value", number), new UpdateOptions().upsert(true));
        } catch (MongoException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // two first upserts raced and the other one created the document: now it exists
            sequences.updateOne(eq("_id", HINT), max("value", number));
        }
    }

    /** The range of seal {@code number} ({@code _id}, {@code from}, {@code to} only), null if there is no such seal. */
    Document range(long number) {
        return seals.find(eq("_id", number)).projection(include("from", "to")).first();
    }

    /** Seals {@code from..to} that exist, in number order. */
    List<Document> byNumber(long from, long to) {
        List<Long> ids = LongStream.rangeClosed(from, to).boxed().toList();
        List<Document> found = seals.find(in("_id", ids)).into(new ArrayList<>());
        found.sort(Comparator.comparingLong(seal -> StoredCommits.number(seal, "_id")));
        return found;
    }

    /**
     * The latest seal ({@link Seal#GENESIS} if none). Refuses when the hinted seal is missing: sealing on after a
     * removed seal would cover the hole with a digest of whatever the store holds now.
     */
    Seal latest() {
        long hint = hint();
        long next = Math.max(hint, 1);
        Document latest = null;
        boolean more = true;
        while (more) {
            long start = next;
            for (Document seal : byNumber(start, start + PROBE - 1)) {
                if (StoredCommits.number(seal, "_id") != next) {
                    break;
                }
                latest = seal;
                next++;
            }
            if (hint > 0 && latest == null) {
                throw new IllegalStateException("Seal " + hint + " of the global chain is missing: the seals were "
                                                        + "tampered with; run the integrity verification");
            }
            more = next == start + PROBE;
        }
        return latest == null ? Seal.GENESIS : summary(latest);
    }

    /** Inserts a new seal; false when a seal with its number exists (another node sealed first). */
    boolean insert(Document seal) {
        try {
            seals.insertOne(seal);
            return true;
        } catch (MongoException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean isDuplicateKey(MongoException e) {
        return ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }

    static Seal summary(Document seal) {
        return new Seal(StoredCommits.number(seal, "_id"), StoredCommits.number(seal, "from"),
                        StoredCommits.number(seal, "to"), seal.getString("digest"));
    }
}
