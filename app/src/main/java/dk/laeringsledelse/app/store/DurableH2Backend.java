package dk.laeringsledelse.app.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of the embedded store, made durable: a write is answered only after the MVStore has committed it
 * to its file. The stock backend commits once a second and so loses acknowledged events on a hard kill.
 *
 * <p>Writers that arrive while a commit runs are covered by the next single commit (group commit), so the file does
 * not grow by one chunk per write. A commit reaches the operating system, so an acknowledged write survives the
 * process being killed; surviving a power cut needs a real MongoDB with journaled writes.
 */
class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "findAndModify", "createIndexes", "dropIndexes",
            "create", "drop", "dropDatabase", "renameCollection");

    private final AtomicLong appliedWrites = new AtomicLong();
    private final Object commitLock = new Object();
    private long committedWrites;

    DurableH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document result = super.handleCommand(channel, database, command, query);
        if (WRITE_COMMANDS.contains(command)) {
            awaitCommitted(appliedWrites.incrementAndGet());
        }
        return result;
    }

    private void awaitCommitted(long write) {
        synchronized (commitLock) {
            if (committedWrites >= write) {
                return; // another writer's commit already covered this write
            }
            long covered = appliedWrites.get();
            getMvStore().commit();
            committedWrites = covered;
        }
    }
}
