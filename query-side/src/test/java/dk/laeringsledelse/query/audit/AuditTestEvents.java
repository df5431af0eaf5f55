package dk.laeringsledelse.query.audit;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import dk.laeringsledelse.eventstore.testsupport.CommandRecorder;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.query.support.ProcessorBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;

/** Many small events for the audit history, and handling them as a tracking processor does: in batches. */
final class AuditTestEvents {

    /** A payload naming its team, institution and municipality, as the projection reads them. */
    public record Noted(String teamId, String institutionId, String municipalityId) {
    }

    private AuditTestEvents() {
    }

    /** An event of aggregate {@code "a-<team>"} at that global position and time, by that actor. */
    static TrackedEventMessage<?> noted(long position, Instant at, String teamId, String institutionId,
                                        String municipalityId, String actor) {
        return new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(position, List.of()),
                new GenericDomainEventMessage<>("Note", "a-" + teamId, position, new Noted(teamId, institutionId,
                        municipalityId), Map.of(MetaDataKeys.ACTOR, actor, MetaDataKeys.ACTOR_ROLE, "EDUCATOR",
                        MetaDataKeys.CORRELATION_ID, "corr-" + position), "e-" + position, at));
    }

    /** The messages handled by a fresh projection on the database, {@code batchSize} per processor batch. */
    static void deliver(MongoDatabase db, List<TrackedEventMessage<?>> messages, int batchSize) {
        AuditProjection projection = new AuditProjection(db);
        for (int from = 0; from < messages.size(); from += batchSize) {
            ProcessorBatch.run(messages.subList(from, Math.min(from + batchSize, messages.size())).stream()
                    .<Runnable>map(m -> () -> projection.on(m.getPayload(), m, m.trackingToken())).toList());
        }
    }

    /** One document a batch wrote (a replacement). */
    record Write(String collection, BsonValue id, BsonDocument document) {
    }

    /** The replacements among the commands the recorder saw, in the order sent. */
    static List<Write> writes(CommandRecorder recorder) {
        return recorder.commands().stream().filter(c -> c.getFirstKey().equals("update"))
                .flatMap(c -> c.getArray("updates").stream().map(BsonValue::asDocument)
                        .map(u -> new Write(c.getString("update").getValue(), u.getDocument("q").get("_id"),
                                u.getDocument("u"))))
                .toList();
    }

    /** A fresh database holding what was stored, then the first {@code applied} of the writes: a crash after them. */
    static MongoDatabase crashedAfter(Map<String, List<Document>> stored, List<Write> writes, int applied) {
        MongoDatabase crashed = TestMongo.freshDatabase();
        stored.forEach((collection, documents) -> {
            if (!documents.isEmpty()) {
                crashed.getCollection(collection).insertMany(documents);
            }
        });
        writes.subList(0, applied).forEach(write -> crashed.getCollection(write.collection(), BsonDocument.class)
                .replaceOne(new BsonDocument("_id", write.id()), write.document(), new ReplaceOptions().upsert(true)));
        return crashed;
    }

    /** Every document of the audit history by collection, each collection's in {@code _id} order. */
    static Map<String, List<Document>> everything(MongoDatabase db) {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String name : List.of(AuditDocuments.EVENTS, AuditDocuments.BUCKETS, AuditDocuments.INDEX,
                AuditDocuments.UNITS)) {
            all.put(name, db.getCollection(name).find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return all;
    }
}
