package dk.laeringsledelse.app.store;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * An in-process MongoDB-wire-compatible server persisting to one file in a data folder, so that the product runs
 * with one command. The application reaches it through the normal MongoDB driver, the same path as production.
 */
public final class EmbeddedMongoStore implements AutoCloseable {

    static final String STORE_FILE = "laeringsledelse.mv.db";

    private final Path file;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoStore(Path file, MongoServer server, InetSocketAddress address) {
        this.file = file;
        this.server = server;
        this.address = address;
    }

    public static EmbeddedMongoStore start(Path dataDir, String host, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve(STORE_FILE).toAbsolutePath();
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer server = new MongoServer(new DurableH2Backend(store));
        server.bind(host, port);
        InetSocketAddress address = server.getLocalAddress();
        return new EmbeddedMongoStore(file, server, address);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
