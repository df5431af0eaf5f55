package dk.laeringsledelse.embeddedstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.exception.MongoSilentServerException;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 backend of the embedded store, made durable where it matters and consistent everywhere. It keeps two files:
 * the event store's database in one, the database of what is derived from the events (read models, processor
 * tokens) in the other, so that committing an event never has to write out the read models' changed pages.
 *
 * <p><b>Durable:</b> a write of an event commit ({@link #DURABLE_COLLECTIONS}) is answered only after its file has
 * committed it. Writers that arrive while a commit runs are covered by the next single commit (group commit). A commit
 * reaches the operating system, so an acknowledged event survives the process being killed; surviving a power cut
 * needs a real MongoDB with journaled writes. The position counter and snapshots need no wait of their own: a commit
 * holds everything applied before it, so the counter's increment is committed with (or before) the event insert that
 * follows it, and a counter lost with an unacknowledged insert only hands its positions out again.
 *
 * <p><b>Derived writes are not waited for</b>: they are committed within {@link #COMMIT_INTERVAL}. Before the derived
 * file commits, with its writers held, the event file commits: every event a read model or token has seen is then
 * in the file first. A kill loses at most that last moment of derived writes, and the store reopens at an earlier
 * point where read models and tokens still agree (a processor writes its documents before its token), so the
 * processors simply handle those events again.
 *
 * <p><b>Consistent:</b> one write command changes a collection's documents and each of its indexes separately. A
 * commit therefore takes an exclusive lock that no write command holds at the time: a file never holds half a write
 * (a document without its unique-index entry would let a second writer append the same event sequence). For the same
 * reason the MVStore's own background thread is off and commits and housekeeping happen here.
 */
class DurableH2Backend extends H2Backend {

    /** The event store's commits (by name, in any database, so the benchmark's raw baseline is durable too). */
    static final Set<String> DURABLE_COLLECTIONS = Set.of("events");
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(200);
    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofSeconds(1);
    private static final Duration RETENTION = Duration.ofSeconds(10);
    private static final Set<String> CRUD_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "findAndModify");
    private static final Set<String> SCHEMA_COMMANDS = Set.of(
            "createIndexes", "dropIndexes", "create", "drop", "dropDatabase", "renameCollection");
    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    private final StoreFile events;
    /** The derived database's file; null when every database lives in the one file. */
    private final StoreFile derived;
    private final String derivedDatabase;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embedded-store-commit");
        thread.setDaemon(true);
        return thread;
    });

    private DurableH2Backend(StoreFile events, StoreFile derived, String derivedDatabase) {
        super(events.store); // opens the databases found in the events file (see openOrCreateDatabase)
        this.events = events;
        this.derived = derived;
        this.derivedDatabase = derivedDatabase;
        if (derived != null && !derived.store.getMapNames().isEmpty()) {
            resolveDatabase(derivedDatabase); // listed from the start, as a server lists its databases
        }
        background.scheduleWithFixedDelay(this::commitQuietly, COMMIT_INTERVAL.toMillis(), COMMIT_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        background.scheduleWithFixedDelay(this::housekeepQuietly, HOUSEKEEPING_INTERVAL.toMillis(),
                HOUSEKEEPING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every database in one file. */
    static DurableH2Backend open(Path file) {
        return new DurableH2Backend(openFile(file), null, null);
    }

    /** The database {@code derivedDatabase} in {@code derivedFile}, every other database in {@code eventFile}. */
    static DurableH2Backend open(Path eventFile, Path derivedFile, String derivedDatabase) {
        return new DurableH2Backend(openFile(eventFile), openFile(derivedFile), derivedDatabase);
    }

    /** The MVStore's own background commits off: this backend commits, and keeps house. */
    private static StoreFile openFile(Path file) {
        HousekeptFileStore fileStore = new HousekeptFileStore();
        fileStore.open(file.toString(), false, null);
        MVStore store = new MVStore.Builder().adoptFileStore(fileStore).autoCommitDisabled().open();
        // A commit per event writes a chunk per event: MVStore's default keeps dead chunks 45 s before it reuses
        // their space, which let the file grow by gigabytes under load. A chunk reaches the operating system when
        // written, which is all a kill needs (a power cut is a real MongoDB's business); the time left is for reads
        // of an older version still running (a long scan).
        store.setRetentionTime((int) RETENTION.toMillis());
        return new StoreFile(store, fileStore);
    }

    /**
     * Databases whose collections keep their documents as BSON ({@link BsonDocumentType}) and their unique-index keys
     * as {@link IndexKeyType}, each in its file. Maps are opened with their types before H2's own code opens them by
     * name (and so gets the ones already open). This also runs while H2's constructor opens the databases of the event
     * file, before this class's fields are set, which is why it reads that file from H2.
     */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        MVStore file = derived != null && databaseName.equals(derivedDatabase) ? derived.store : getMvStore();
        return new H2Database(databaseName, file, getCursorRegistry()) {
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> documents = file.openMap("databases." + namespace,
                        new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
                MVMap<String, Object> meta = file.openMap("meta." + namespace);
                return new H2Collection(this, collectionName, options, documents, meta, getCursorRegistry()) {
                    /**
                     * The running total of BSON sizes behind collStats' dataSize cost two whole-document encodings
                     * per update (a large read model rewritten per event paid them on every event); sizes are
                     * reported as they were last tracked.
                     */
                    @Override
                    protected boolean tracksDataSize() {
                        return false;
                    }

                    /**
                     * What an {@code _id $in} found in the {@code _id} index is its answer; the backend matched each
                     * found document against the whole list again, n² comparisons for n ids (a tracking fetch or a
                     * projection's batch names up to hundreds).
                     */
                    @Override
                    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
                                                         int skip, int limit, int batchSize, Document fields) {
                        return super.matchDocuments(isIdIn(query) ? new Document() : query, positions, orderBy, skip,
                                limit, batchSize, fields);
                    }

                    @Override
                    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
                        BsonDocumentType.INSTANCE.changed(newDocument);
                        super.handleUpdate(position, oldDocument, newDocument);
                    }
                };
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
                openIndexMap(file, getFullCollectionNamespace(collectionName) + "._index_" + indexName);
                return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            }
        };
    }

    /** {@code {_id: {$in: [...]}}} and nothing else, without patterns (which the index answers by scanning). */
    private static boolean isIdIn(Document query) {
        if (query.size() != 1 || !(query.get("_id") instanceof Document condition) || condition.size() != 1
                || !(condition.get("$in") instanceof Collection<?> values)) {
            return false;
        }
        return values.stream().noneMatch(value -> value instanceof Document || value instanceof Collection
                || BsonRegularExpression.isRegularExpression(value));
    }

    /** Opens an index's map with {@link IndexKeyType}, under the name H2's own code then opens it by. */
    private static void openIndexMap(MVStore file, String name) {
        file.openMap(name, new MVMap.Builder<Object, Object>().keyType(new IndexKeyType()));
    }

    /**
     * A request the server refuses with an error code (a command it does not know, such as {@code atlasVersion},
     * {@code getParameter} or a {@code buildInfo} variant that {@code mongosh} sends, or a duplicate key) is answered
     * with that error as MongoDB would, and noted at DEBUG: the server itself would log each at ERROR with a stack
     * trace, although only the client's request failed. Failures without a code (the server's own) still go there.
     */
    @Override
    public Document handleMessage(MongoMessage message) {
        try {
            return super.handleMessage(message);
        } catch (MongoServerError | MongoSilentServerException refused) {
            if (log.isDebugEnabled()) {
                Document request = message.getDocument();
                log.debug("Refused {}: {}", request.isEmpty() ? "a request" : request.keySet().iterator().next(),
                        refused.getMessageWithoutErrorCode());
            }
            return errorAnswer(refused);
        }
    }

    /** What the server's wire handler answers for a refused request: {@code ok: 0}, the message, code and name. */
    private static Document errorAnswer(MongoServerException refused) {
        Document answer = new Document();
        answer.put("$err", refused.getMessageWithoutErrorCode());
        answer.put("errmsg", refused.getMessageWithoutErrorCode());
        if (refused instanceof MongoServerError error) {
            answer.put("code", error.getCode());
            answer.putIfNotNull("codeName", error.getCodeName());
        }
        answer.put("ok", 0);
        return answer;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        boolean crud = CRUD_COMMANDS.contains(command);
        if (!crud && !SCHEMA_COMMANDS.contains(command)) {
            return super.handleCommand(channel, database, command, query);
        }
        boolean derivedWrite = derived != null && database.equals(derivedDatabase);
        StoreFile file = derivedWrite ? derived : events;
        long write;
        Document result;
        file.writes.readLock().lock();
        try {
            result = super.handleCommand(channel, database, command, query);
            write = file.applied.incrementAndGet();
        } catch (MongoSilentServerException e) {
            if (command.equals("drop") && "ns not found".equals(e.getMessage())) {
                // as MongoDB 7 answers: a read model's reset drops collections that may never have been written,
                // and the server would log each as an error
                return new Document("ok", 1.0);
            }
            throw e;
        } finally {
            file.writes.readLock().unlock();
        }
        if (!crud) {
            commit(); // a new collection or index is kept at once
        } else if (!derivedWrite && DURABLE_COLLECTIONS.contains(String.valueOf(query.get(command)))) {
            awaitCommitted(events, write);
        }
        return result;
    }

    private static void awaitCommitted(StoreFile file, long write) {
        if (file.committed >= write) {
            return;
        }
        synchronized (file.turn) {
            if (file.committed >= write) {
                return; // another writer's commit already covered this write
            }
            file.commitApplied();
        }
    }

    /**
     * Commits both files, the event file first, while the derived file's writers wait: the derived file then never
     * holds a read model or token ahead of the events it was made from.
     */
    @Override
    public void commit() {
        if (derived == null) {
            synchronized (events.turn) {
                events.commitApplied();
            }
            return;
        }
        synchronized (derived.turn) {
            derived.writes.writeLock().lock();
            try {
                synchronized (events.turn) {
                    events.commitApplied();
                }
                derived.commitApplied();
            } finally {
                derived.writes.writeLock().unlock();
            }
        }
    }

    private void commitQuietly() {
        try {
            commit();
        } catch (RuntimeException e) {
            log.warn("Background commit of the embedded store failed; the next write retries it", e);
        }
    }

    /** Rewrites sparsely used chunks of the files and shrinks them, as the MVStore's own background thread would. */
    private void housekeepQuietly() {
        try {
            events.housekeep();
            if (derived != null) {
                derived.housekeep();
            }
        } catch (RuntimeException e) {
            log.warn("Housekeeping of the embedded store failed", e);
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
        commit();
        synchronized (events.turn) {
            events.writes.writeLock().lock();
            try {
                super.close(); // closes the event file
            } finally {
                events.writes.writeLock().unlock();
            }
        }
        if (derived != null) {
            synchronized (derived.turn) {
                derived.writes.writeLock().lock();
                try {
                    derived.store.close();
                } finally {
                    derived.writes.writeLock().unlock();
                }
            }
        }
    }

    /** One MVStore file and the bookkeeping of its commits. */
    private static final class StoreFile {

        final MVStore store;
        final HousekeptFileStore fileStore;
        /** Write commands share it; a commit holds it alone. */
        final ReadWriteLock writes = new ReentrantReadWriteLock();
        final AtomicLong applied = new AtomicLong();
        /** Held while deciding on and making a commit. */
        final Object turn = new Object();
        volatile long committed;

        StoreFile(MVStore store, HousekeptFileStore fileStore) {
            this.store = store;
            this.fileStore = fileStore;
        }

        /** Commits every write applied so far, at a moment when none is half done; the caller holds {@link #turn}. */
        void commitApplied() {
            writes.writeLock().lock();
            try {
                long covered = applied.get();
                if (covered > committed && !store.isClosed()) {
                    store.commit();
                    committed = covered;
                }
            } finally {
                writes.writeLock().unlock();
            }
        }

        void housekeep() {
            synchronized (turn) {
                writes.writeLock().lock();
                try {
                    if (!store.isClosed()) {
                        fileStore.housekeep(store);
                    }
                } finally {
                    writes.writeLock().unlock();
                }
            }
        }
    }
}
