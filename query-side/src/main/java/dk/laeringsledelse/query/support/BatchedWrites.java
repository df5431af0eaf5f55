package dk.laeringsledelse.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * Read-model documents written while a processor handles a batch of events are kept in the batch and written once,
 * when its last event has been handled: a cycle touched by 20 events of a batch is written once, not 20 times.
 * That is what makes a replay fast. Outside a processor's batch, writes go straight to the store.
 *
 * <p>The batch is written by {@link #flushAtEndOfBatch()}, which must be a handler interceptor of every processor:
 * it writes during the handling of the last event, so before Axon stores the processor's token (in the prepare-commit
 * phase). A crash before that leaves the token where it was and the batch is handled again; projections skip what
 * they have already applied. Documents are written in the order they were first written in the batch, so the order
 * a projection relies on (e.g. an index before the bucket it lists) holds.
 */
public final class BatchedWrites {

    private static final String PENDING = BatchedWrites.class.getName();
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private BatchedWrites() {
    }

    /** The document as the batch left it, or as stored. */
    public static Document find(MongoCollection<Document> collection, Object id) {
        return find(collection, id, Document.class, document -> document);
    }

    /** Replaces (or inserts) the document with this {@code _id}, at the end of the batch. */
    public static void replace(MongoCollection<Document> collection, Object id, Document document) {
        replace(collection, id, document, value -> value);
    }

    /**
     * The object as the batch left it, or read from its stored document. Objects rather than documents are kept in
     * the batch, so a view changed by many events of a batch is converted from and to BSON once, not per event.
     */
    public static <T> T find(MongoCollection<Document> collection, Object id, Class<T> type,
                             Function<Document, T> read) {
        Map<Key, Pending> pending = pending();
        Pending written = pending == null ? null : pending.get(new Key(collection, id));
        if (written != null) {
            return type.cast(written.value());
        }
        Document stored = collection.find(Filters.eq("_id", id)).first();
        return stored == null ? null : read.apply(stored);
    }

    /** Replaces (or inserts) the document with this {@code _id} by {@code value}, at the end of the batch. */
    public static <T> void replace(MongoCollection<Document> collection, Object id, T value,
                                   Function<T, Document> write) {
        Map<Key, Pending> pending = pending();
        if (pending == null) {
            collection.replaceOne(Filters.eq("_id", id), write.apply(value), UPSERT);
        } else {
            pending.put(new Key(collection, id), new Pending(value, () -> write.apply(value)));
        }
    }

    /** Writes a batch's documents when its last event has been handled. */
    public static MessageHandlerInterceptor<EventMessage<?>> flushAtEndOfBatch() {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                flush(unitOfWork);
            }
            return result;
        };
    }

    private static void flush(UnitOfWork<?> unitOfWork) {
        Map<Key, Pending> pending = unitOfWork.root().getResource(PENDING);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        // consecutive documents of one collection go in one bulk write: one round trip, one commit of the store
        MongoCollection<Document> collection = null;
        List<ReplaceOneModel<Document>> run = new ArrayList<>();
        for (Map.Entry<Key, Pending> write : pending.entrySet()) {
            if (collection != null && !write.getKey().collection().getNamespace().equals(collection.getNamespace())) {
                collection.bulkWrite(run);
                run = new ArrayList<>();
            }
            collection = write.getKey().collection();
            run.add(new ReplaceOneModel<>(Filters.eq("_id", write.getKey().id()), write.getValue().document().get(),
                    UPSERT));
        }
        collection.bulkWrite(run);
        pending.clear();
    }

    private static Map<Key, Pending> pending() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?>)) {
            return null;
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(PENDING, k -> new LinkedHashMap<Key, Pending>());
    }

    /** An object written in the batch, and how to make its document. */
    private record Pending(Object value, Supplier<Document> document) {
    }

    private record Key(MongoCollection<Document> collection, Object id) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.id.equals(id)
                    && key.collection.getNamespace().equals(collection.getNamespace());
        }

        @Override
        public int hashCode() {
            return collection.getNamespace().hashCode() * 31 + id.hashCode();
        }
    }
}
