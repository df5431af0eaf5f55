package dk.laeringsledelse.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;

/**
 * Read-model documents written while a processor handles a batch of events are kept in the batch and written once,
 * when its last event has been handled: a cycle touched by 20 events of a batch is written once, not 20 times.
 * That is what makes a replay fast. Outside a processor's batch, writes go straight to the store.
 *
 * <p>The batch is written by {@link #flushAtEndOfBatch()}, which must be a handler interceptor of every processor:
 * it writes during the handling of the last event, so before Axon stores the processor's token (in the prepare-commit
 * phase). A crash before that leaves the token where it was and the batch is handled again; projections skip what
 * they have already applied.
 *
 * <p>Two kinds of write:
 * <ul>
 * <li>{@link #replace} a whole document, for documents only one sequence (so one thread) writes: the object is kept
 * in the batch and {@link #find} returns it, so a read-modify-write per event costs no store access.</li>
 * <li>Field-level updates ({@link #set}, {@link #addToSet}, {@link #pull}), for documents that several sequences,
 * threads or processing groups share (an institution's summary, a person's assignments): they stay atomic updates
 * of their own fields, never a rewrite of the whole document. A document's updates are kept in their order; a run of
 * {@code set}s (the last value per field) or of {@code addToSet}s becomes one update, so a summary changed by 20
 * events is written once. A {@link #find} of such a document writes the batch so far first, so it sees them.</li>
 * </ul>
 *
 * <p>A document read and not written in the batch is read from the store once per batch (reads are forgotten when
 * the batch's field-level updates are written early, see above), so a replay does not look up a team's unit once per
 * event. What another processor writes meanwhile is seen by the next batch.
 *
 * <p>A processor may keep what it wrote between its batches ({@link RecentWrites}, given to
 * {@link #flushAtEndOfBatch(RecentWrites)}): a document it replaced in an earlier batch is then found there, not read
 * from the store again. Live traffic makes batches of one or two events, and without it every batch read each view
 * it touched back from the store: most of the store round trips and of the decoding of a projection's work.
 *
 * <p>Write order: the batch's field-level updates first, then its replaced documents in the order they were first
 * written in the batch. So an event's side effects on shared documents are stored no later than the document that
 * records the event as applied (a version), and a crash in between leaves that event to be handled again; and the
 * order a projection relies on among its own documents (e.g. an index before the bucket it lists) holds.
 */
public final class BatchedWrites {

    private static final String PENDING = BatchedWrites.class.getName();
    private static final String READS = BatchedWrites.class.getName() + ".reads";
    private static final String RECENT = BatchedWrites.class.getName() + ".recent";
    private static final String LOOKED_UP = BatchedWrites.class.getName() + ".lookedUp";
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
        if (pending == null) {
            Document stored = collection.find(Filters.eq("_id", id)).first();
            return stored == null ? null : read.apply(stored);
        }
        Key key = new Key(collection, id);
        Pending written = pending.get(key);
        if (written instanceof Replaced replaced) {
            return type.cast(replaced.value());
        }
        if (written instanceof Updated) {
            flush(pending);
        }
        RecentWrites recent = CurrentUnitOfWork.get().root().getResource(RECENT);
        if (recent != null) { // kept when written: what is only ever written (an audit event) would crowd it out
            CurrentUnitOfWork.get().root().<Set<Key>>getOrComputeResource(LOOKED_UP, k -> new HashSet<>()).add(key);
        }
        Document known = recent == null ? null : recent.get(key);
        if (known != null) {
            return type.cast(read.apply(known));
        }
        // read once per batch: a team's unit looked up by each of its 300 events of a replay batch is read once
        Map<Key, Optional<Object>> reads = CurrentUnitOfWork.get().root().getOrComputeResource(READS,
                k -> new HashMap<Key, Optional<Object>>());
        return type.cast(reads.computeIfAbsent(key, k -> {
            Document stored = collection.find(Filters.eq("_id", id)).first();
            return Optional.ofNullable(stored == null ? null : read.apply(stored));
        }).orElse(null));
    }

    /** Replaces (or inserts) the document with this {@code _id} by {@code value}, at the end of the batch. */
    public static <T> void replace(MongoCollection<Document> collection, Object id, T value,
                                   Function<T, Document> write) {
        Map<Key, Pending> pending = pending();
        if (pending == null) {
            collection.replaceOne(Filters.eq("_id", id), write.apply(value), UPSERT);
        } else {
            pending.put(new Key(collection, id), new Replaced(value, () -> write.apply(value)));
        }
    }

    /** Sets one field of the document ({@code $set}, inserting the document if missing), at the end of the batch. */
    public static void set(MongoCollection<Document> collection, Object id, String field, Object value) {
        update(collection, id, "$set", field, value);
    }

    /** Adds a value to an array field unless it holds it already ({@code $addToSet}, inserting the document). */
    public static void addToSet(MongoCollection<Document> collection, Object id, String field, Object value) {
        update(collection, id, "$addToSet", field, value);
    }

    /** Removes a value from an array field ({@code $pull}; a missing document stays missing). */
    public static void pull(MongoCollection<Document> collection, Object id, String field, Object value) {
        update(collection, id, "$pull", field, value);
    }

    private static void update(MongoCollection<Document> collection, Object id, String operator, String field,
                               Object value) {
        Map<Key, Pending> pending = pending();
        Updated updated = pending == null ? new Updated(new ArrayList<>())
                : (Updated) pending.compute(new Key(collection, id), (key, written) -> {
                    if (written instanceof Replaced) {
                        throw new IllegalStateException("document " + id + " of " + collection.getNamespace()
                                + " is replaced and updated in one batch");
                    }
                    return written == null ? new Updated(new ArrayList<>()) : written;
                });
        updated.add(operator, field, value);
        if (pending == null) {
            collection.bulkWrite(updated.models(id));
        }
    }

    /** Writes a batch's documents when its last event has been handled. */
    public static MessageHandlerInterceptor<EventMessage<?>> flushAtEndOfBatch() {
        return flushAtEndOfBatch(null);
    }

    /**
     * Writes a batch's documents when its last event has been handled, and keeps those it replaced in {@code recent}
     * (null: none) for the processor's next batches. A batch that fails forgets them all: its objects may have been
     * changed for writes that never happened.
     */
    public static MessageHandlerInterceptor<EventMessage<?>> flushAtEndOfBatch(RecentWrites recent) {
        return (unitOfWork, chain) -> {
            if (recent != null && unitOfWork.root().getResource(RECENT) == null) {
                unitOfWork.root().resources().put(RECENT, recent);
                unitOfWork.root().onRollback(batch -> recent.forget());
            }
            Object result = chain.proceed();
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                flush(unitOfWork);
            }
            return result;
        };
    }

    private static void flush(UnitOfWork<?> unitOfWork) {
        Map<Key, Pending> pending = unitOfWork.root().getResource(PENDING);
        if (pending != null) {
            flush(pending);
        }
    }

    private static void flush(Map<Key, Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<Map.Entry<Key, Pending>> writes = new ArrayList<>();
        pending.entrySet().stream().filter(e -> e.getValue() instanceof Updated).forEach(writes::add);
        pending.entrySet().stream().filter(e -> e.getValue() instanceof Replaced).forEach(writes::add);
        Map<Key, RawBsonDocument> replaced = new LinkedHashMap<>();
        // consecutive documents of one collection go in one bulk write: one round trip, one commit of the store
        MongoCollection<Document> collection = null;
        List<WriteModel<RawBsonDocument>> run = new ArrayList<>();
        for (Map.Entry<Key, Pending> write : writes) {
            Key key = write.getKey();
            if (collection != null && !key.collection().getNamespace().equals(collection.getNamespace())) {
                collection.withDocumentClass(RawBsonDocument.class).bulkWrite(run);
                run = new ArrayList<>();
            }
            collection = key.collection();
            if (write.getValue() instanceof Replaced replace) {
                // encoded once, with the collection's codecs: sent as these bytes, and kept as them (RecentWrites)
                RawBsonDocument document = new RawBsonDocument(replace.document().get(), RecentWrites.codec(key));
                replaced.put(key, document);
                run.add(new ReplaceOneModel<>(Filters.eq("_id", key.id()), document, UPSERT));
            } else {
                run.addAll(((Updated) write.getValue()).<RawBsonDocument>models(key.id()));
            }
        }
        collection.withDocumentClass(RawBsonDocument.class).bulkWrite(run);
        pending.clear();
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().resources().remove(READS); // updated documents must be read again
            RecentWrites recent = CurrentUnitOfWork.get().root().getResource(RECENT);
            if (recent != null) {
                Set<Key> lookedUp = CurrentUnitOfWork.get().root()
                        .getOrComputeResource(LOOKED_UP, k -> new HashSet<>());
                replaced.forEach((key, document) -> {
                    if (lookedUp.contains(key)) {
                        recent.remember(key, document);
                    } else {
                        recent.forget(key); // written without a look-up: what was kept of it is out of date
                    }
                });
            }
        }
    }

    private static Map<Key, Pending> pending() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?>)) {
            return null;
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(PENDING, k -> new LinkedHashMap<Key, Pending>());
    }

    /** What the batch writes to one document. */
    private sealed interface Pending permits Replaced, Updated {
    }

    /** An object written in the batch, and how to make its document. */
    private record Replaced(Object value, Supplier<Document> document) implements Pending {
    }

    /** A document's field-level updates in their order: one step per run of the same operator. */
    private record Updated(List<Step> steps) implements Pending {

        void add(String operator, String field, Object value) {
            Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            if (last == null || !last.operator().equals(operator) || operator.equals("$pull")) {
                last = new Step(operator, new Document());
                steps.add(last);
            }
            if (operator.equals("$addToSet")) {
                last.fields().computeIfAbsent(field, f -> new ArrayList<>());
                last.fields().getList(field, Object.class).add(value);
            } else {
                last.fields().put(field, value); // a $set keeps the last value per field
            }
        }

        <T> List<WriteModel<T>> models(Object id) {
            return steps.stream().<WriteModel<T>>map(step -> new UpdateOneModel<>(Filters.eq("_id", id),
                    new Document(step.operator(), step.operator().equals("$addToSet") ? each(step.fields())
                            : step.fields()),
                    new UpdateOptions().upsert(!step.operator().equals("$pull")))).toList();
        }

        private static Document each(Document fields) {
            Document each = new Document();
            fields.forEach((field, values) -> each.put(field, new Document("$each", values)));
            return each;
        }
    }

    private record Step(String operator, Document fields) {
    }

    /**
     * The documents a processor replaced most recently, as written, kept between its batches as BSON (least recently
     * used ones dropped beyond a budget of bytes, so a large working set cannot fill the heap). Sound only while this
     * processor is the sole writer of those documents: one instance owning the store (the embedded one), its
     * documents written only through this class, and forgotten whenever that may have changed: a failed batch, a
     * reset, the processor's segments claimed or released. Every find decodes a document of its own, so nothing a
     * projection changes, or an earlier batch handed to subscribers, is shared with a later batch.
     */
    public static final class RecentWrites {

        private final long capacityBytes;
        private final LinkedHashMap<Key, RawBsonDocument> documents = new LinkedHashMap<>(16, 0.75f, true);
        private long bytes;

        public RecentWrites(long capacityBytes) {
            this.capacityBytes = capacityBytes;
        }

        synchronized Document get(Key key) {
            RawBsonDocument raw = documents.get(key);
            return raw == null ? null : raw.decode(codec(key));
        }

        /** As written: encoded as the collection encodes it (its codecs: dates, UUIDs and whatever else). */
        synchronized void remember(Key key, RawBsonDocument raw) {
            RawBsonDocument replaced = documents.put(key, raw);
            bytes += size(raw) - (replaced == null ? 0 : size(replaced));
            var eldest = documents.entrySet().iterator();
            while (bytes > capacityBytes && eldest.hasNext()) {
                bytes -= size(eldest.next().getValue());
                eldest.remove();
            }
        }

        synchronized void forget(Key key) {
            RawBsonDocument removed = documents.remove(key);
            bytes -= removed == null ? 0 : size(removed);
        }

        public synchronized void forget() {
            documents.clear();
            bytes = 0;
        }

        static Codec<Document> codec(Key key) {
            return key.collection().getCodecRegistry().get(Document.class);
        }

        public synchronized int size() {
            return documents.size();
        }

        private static int size(RawBsonDocument raw) {
            return raw.getByteBuffer().remaining();
        }
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
