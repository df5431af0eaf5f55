package dk.laeringsledelse.embeddedstore;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An in-process MongoDB-wire-compatible server persisting to one file in a data folder, so that the product runs
 * with one command. The application reaches it through the normal MongoDB driver, the same path as production.
 *
 * <p>It can be stopped and started again on the same address, as an operator restarts a database: the outage
 * test uses this to show that the application fails fast while the store is away and recovers when it is back.
 */
public final class EmbeddedMongoStore implements AutoCloseable {

    static final String STORE_FILE = "laeringsledelse.mv.db";
    /** The file of the derived database (read models, processor tokens), beside the event file. */
    static final String DERIVED_FILE = "laeringsledelse-views.mv.db";
    private static final int NETWORK_THREADS = 64;
    /**
     * What the store tells clients it is: MongoDB 4.4.0, wire version 9. mongo-java-server's default (wire version 8,
     * MongoDB 4.2) is the lowest that current drivers accept; 4.4.0 is the newest version whose commands the store
     * serves: from 4.4.2 on MongoDB answers {@code hello}, which the store does not (drivers and mongosh greet with
     * {@code isMaster} unless the server offers {@code hello}).
     */
    static final MongoVersion VERSION = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(4, 4, 0);
        }

        @Override
        public int getWireVersion() {
            return 9;
        }
    };

    private final Path file;
    private final String derivedDatabase;
    private final String host;
    private int port;
    private MongoServer server;

    private EmbeddedMongoStore(Path file, String derivedDatabase, String host, int port) {
        this.file = file;
        this.derivedDatabase = derivedDatabase;
        this.host = host;
        this.port = port;
    }

    /** Every database in one file. */
    public static EmbeddedMongoStore start(Path dataDir, String host, int port) {
        return start(dataDir, null, host, port);
    }

    /**
     * The database {@code derivedDatabase} (what is derived from the events) in a file of its own, so that an event's
     * commit writes only the event store's pages; every other database in the event file.
     */
    public static EmbeddedMongoStore start(Path dataDir, String derivedDatabase, String host, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDir.toAbsolutePath(), e);
        }
        EmbeddedMongoStore store = new EmbeddedMongoStore(dataDir.resolve(STORE_FILE).toAbsolutePath(),
                derivedDatabase, host, port);
        store.restart();
        return store;
    }

    /** Opens the files and serves on the address; the first start fixes the port (also when 0 asked for any). */
    public synchronized void restart() {
        if (server != null) {
            return;
        }
        MongoServer started = new MongoServer((derivedDatabase == null ? DurableH2Backend.open(file)
                : DurableH2Backend.open(file, file.resolveSibling(DERIVED_FILE), derivedDatabase)).version(VERSION));
        try {
            // a write that waits for its commit holds its network thread: enough threads that other connections
            // (readers, projections) rarely share one with it
            started.bind(new InetSocketAddress(host, port), 1, NETWORK_THREADS);
        } catch (Exception e) {
            // Netty throws the BindException undeclared, which MongoServer does not clean up after: without this its
            // network threads would keep a failed start's JVM alive, and the file would stay open
            started.shutdownNow();
            throw new IllegalStateException("The embedded store cannot listen on " + host + ":" + port + " ("
                    + e.getMessage() + "); set laeringsledelse.store.embedded.port (LAERINGSLEDELSE_EMBEDDED_PORT) "
                    + "to a free port", e);
        }
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
