package dk.laeringsledelse.query.timeline;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process MongoDB-wire server (the same mongo-java-server the one-command run embeds) for this package's
 * tests: one server per JVM, a fresh database per call. Meant to be replaced by a shared helper.
 */
final class TimelineTestMongo {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static MongoServer server;
    private static String connectionString;
    private static MongoClient client;

    private TimelineTestMongo() {
    }

    /** An empty database on the shared in-process server. */
    static MongoDatabase freshDatabase() {
        synchronized (TimelineTestMongo.class) {
            if (client == null) {
                client = MongoClients.create(connectionString());
            }
        }
        return client.getDatabase(nextName());
    }

    /** An empty database read through a client of its own that reports every command to {@code listener}. */
    static MongoDatabase freshDatabase(CommandListener listener) {
        MongoClient listened = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString()))
                .addCommandListener(listener)
                .build());
        return listened.getDatabase(nextName());
    }

    private static String nextName() {
        return "timeline_test_" + DATABASES.incrementAndGet();
    }

    private static synchronized String connectionString() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            connectionString = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return connectionString;
    }
}
