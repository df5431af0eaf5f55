package dk.laeringsledelse.app.store;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An in-process MongoDB-wire-compatible server persisting to one file in a data folder, so that the product runs
 * with one command. The application reaches it through the normal MongoDB driver, the same path as production.
 *
 * <p>It can be stopped and started again on the same address, as an operator restarts a database: the outage
 * test uses this to show that the application fails fast while the store is away and recovers when it is back.
 */
public final class EmbeddedMongoStore implements AutoCloseable {

    static final String STORE_FILE = "laeringsledelse.mv.db";
    private static final int NETWORK_THREADS = 64;

    private final Path file;
    private final String host;
    private int port;
    private MongoServer server;

    private EmbeddedMongoStore(Path file, String host, int port) {
        this.file = file;
        this.host = host;
        this.port = port;
    }

    public static EmbeddedMongoStore start(Path dataDir, String host, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDir.toAbsolutePath(), e);
        }
        EmbeddedMongoStore store = new EmbeddedMongoStore(dataDir.resolve(STORE_FILE).toAbsolutePath(), host, port);
        store.restart();
        return store;
    }

    /** Opens the file and serves on the address; the first start fixes the port (also when 0 asked for any). */
    public synchronized void restart() {
        if (server != null) {
            return;
        }
        MongoServer started = new MongoServer(DurableH2Backend.open(file));
        // a write that waits for its commit holds its network thread: enough threads that other connections
        // (readers, projections) rarely share one with it
        started.bind(new InetSocketAddress(host, port), 1, NETWORK_THREADS);
        port = started.getLocalAddress().getPort();
        server = started;
    }

    /** Drops every connection, stops listening and closes the file: to clients the store is unreachable. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    public synchronized String connectionString() {
        return "mongodb://" + host + ":" + port;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        stop();
    }
}
