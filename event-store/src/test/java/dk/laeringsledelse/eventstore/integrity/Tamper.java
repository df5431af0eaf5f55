package dk.laeringsledelse.eventstore.integrity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.EventHash;
import dk.laeringsledelse.eventstore.MongoEventStorageEngine;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;

/** What someone with write access to the database could do to the stored events and seals, done directly. */
final class Tamper {

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> seals;

    Tamper(MongoDatabase db) {
        this.events = db.getCollection(MongoEventStorageEngine.EVENTS);
        this.seals = db.getCollection(ChainSealer.SEALS);
    }

    /** The commit of the aggregate that starts at firstSeq. */
    Document commit(String aggregateId, long firstSeq) {
        return events.find(new Document("aggregateId", aggregateId).append("firstSeq", firstSeq)).first();
    }

    /** Rewrites the events array of a commit in place. */
    void editEvents(String aggregateId, long firstSeq, Consumer<List<Document>> edit) {
        Document commit = commit(aggregateId, firstSeq);
        List<Document> list = new ArrayList<>(commit.getList("events", Document.class));
        edit.accept(list);
        commit.put("events", list);
        events.replaceOne(eq("_id", commit.get("_id")), commit);
    }

    void deleteCommit(Object id) {
        events.deleteOne(eq("_id", id));
    }

    void insertCommit(Document commit) {
        events.insertOne(commit);
    }

    /** Recomputes the hash of each event of the commit, as a forger who knows the canonical form would. */
    static void rehash(List<Document> events, String prevHash) {
        for (Document event : events) {
            event.put("prevHash", prevHash);
            event.put("hash", EventHash.of(event));
            prevHash = event.getString("hash");
        }
    }

    /** A deep copy that keeps every BSON type (dates, 64-bit numbers). */
    static Document copy(Document document) {
        return Document.parse(document.toJson(JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build()));
    }

    Document seal(long number) {
        return seals.find(eq("_id", number)).first();
    }

    void replaceSeal(Document seal) {
        seals.replaceOne(eq("_id", seal.get("_id")), seal);
    }

    void deleteSeal(long number) {
        seals.deleteOne(eq("_id", number));
    }
}
