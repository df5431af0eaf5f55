package dk.laeringsledelse.app.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.time.Duration;
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
 * The H2 backend of the embedded store, made durable where it matters and consistent everywhere.
 *
 * <p><b>Durable:</b> a write to the record itself, the event store's commits ({@link #DURABLE_COLLECTIONS}), is
 * answered only after the MVStore has committed it to its file. The position counter and snapshots need no wait of
 * their own: a commit holds everything applied before it, so the counter's increment is committed with (or before)
 * the event insert that follows it, and a counter lost with an unacknowledged insert only hands its positions out
 * again. Writers that arrive while a commit runs are covered
 * by the next single commit (group commit). A commit reaches the operating system, so an acknowledged event survives
 * the process being killed; surviving a power cut needs a real MongoDB with journaled writes.
 *
 * <p><b>Not waited for:</b> everything else (read models, processor tokens, seals) is derived from the events. It is
 * committed with the next event commit or within {@link #COMMIT_INTERVAL}, without its writer waiting. A kill loses
 * at most that last moment of derived writes, and the store reopens at an earlier point where read models and tokens
 * still agree (a processor writes its documents before its token), so the processors simply handle those events
 * again. Waiting for a commit per read-model write made every event cost a dozen commits.
 *
 * <p><b>Consistent:</b> one write command changes a collection's documents and each of its indexes separately. A
 * commit therefore takes an exclusive lock that no write command holds at the time: the file never holds half a
 * write (a document without its unique-index entry would let a second writer append the same event sequence). For
 * the same reason the MVStore's own background commits are off and commits and compaction happen here.
 */
class DurableH2Backend extends H2Backend {

    /** The event store's commits (by name, in any database, so the benchmark's raw baseline is durable too). */
    static final Set<String> DURABLE_COLLECTIONS = Set.of("events");
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(200);
    private static final Duration COMPACT_INTERVAL = Duration.ofSeconds(30);
    private static final Set<String> CRUD_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "findAndModify");
    private static final Set<String> SCHEMA_COMMANDS = Set.of(
            "createIndexes", "dropIndexes", "create", "drop", "dropDatabase", "renameCollection");
    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    private final MVStore store;
    /** Write commands share it; a commit holds it alone. */
    private final ReadWriteLock writes = new ReentrantReadWriteLock();
    private final AtomicLong appliedWrites = new AtomicLong();
    private final Object commitTurn = new Object();
    private volatile long committedWrites;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embedded-store-commit");
        thread.setDaemon(true);
        return thread;
    });

    DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
        background.scheduleWithFixedDelay(this::commitQuietly, COMMIT_INTERVAL.toMillis(), COMMIT_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        background.scheduleWithFixedDelay(this::compactQuietly, COMPACT_INTERVAL.toMillis(),
                COMPACT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens the file with the MVStore's own background commits off: this backend commits. */
    static DurableH2Backend open(java.nio.file.Path file) {
        return new DurableH2Backend(new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open());
    }

    /**
     * Databases whose collections keep their documents as BSON ({@link BsonDocumentType}). The collection's map is
     * opened with that type before H2's own code opens it by name (and so gets the one already open). This also runs
     * while H2's constructor opens the databases found in the file, which is why it reads the store from there.
     */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                getMvStore().openMap("databases." + getFullCollectionNamespace(collectionName),
                        new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
                return super.openOrCreateCollection(collectionName, options);
            }
        };
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        boolean crud = CRUD_COMMANDS.contains(command);
        if (!crud && !SCHEMA_COMMANDS.contains(command)) {
            return super.handleCommand(channel, database, command, query);
        }
        long write;
        Document result;
        writes.readLock().lock();
        try {
            result = super.handleCommand(channel, database, command, query);
            write = appliedWrites.incrementAndGet();
        } finally {
            writes.readLock().unlock();
        }
        if (!crud || DURABLE_COLLECTIONS.contains(String.valueOf(query.get(command)))) {
            awaitCommitted(write);
        }
        return result;
    }

    private void awaitCommitted(long write) {
        if (committedWrites >= write) {
            return;
        }
        synchronized (commitTurn) {
            if (committedWrites >= write) {
                return; // another writer's commit already covered this write
            }
            commitApplied();
        }
    }

    /** Commits every write applied so far, at a moment when none is half done. */
    @Override
    public void commit() {
        synchronized (commitTurn) {
            commitApplied();
        }
    }

    private void commitApplied() {
        writes.writeLock().lock();
        try {
            long covered = appliedWrites.get();
            if (covered > committedWrites && !store.isClosed()) {
                store.commit();
                committedWrites = covered;
            }
        } finally {
            writes.writeLock().unlock();
        }
    }

    private void commitQuietly() {
        try {
            commit();
        } catch (RuntimeException e) {
            log.warn("Background commit of the embedded store failed; the next write retries it", e);
        }
    }

    /** Rewrites sparsely used chunks of the file, as the MVStore's own background thread would. */
    private void compactQuietly() {
        try {
            synchronized (commitTurn) {
                writes.writeLock().lock();
                try {
                    if (!store.isClosed()) {
                        store.compact(50, 4 * 1024 * 1024);
                    }
                } finally {
                    writes.writeLock().unlock();
                }
            }
        } catch (RuntimeException e) {
            log.warn("Compaction of the embedded store failed", e);
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
        synchronized (commitTurn) {
            writes.writeLock().lock();
            try {
                super.close(); // closing commits what is left
            } finally {
                writes.writeLock().unlock();
            }
        }
    }
}
