package dk.laeringsledelse.eventstore.testsupport;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.event.CommandListener;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * MongoDB for tests: the server given by the environment variable {@code MONGODB_URI} if set, else one JVM-wide
 * in-process mongo-java-server (memory backend) on 127.0.0.1 and a random port.
 */
public final class TestMongo {

    private static String connectionString;
    private static MongoClient client;

    private TestMongo() {
    }

    /** The connection string of the test server, e.g. to build a client with listeners. */
    public static synchronized String connectionString() {
        if (connectionString == null) {
            String uri = System.getenv("MONGODB_URI");
            if (uri != null && !uri.isBlank()) {
                connectionString = uri;
            } else {
                MongoServer server = new MongoServer(new MemoryBackend());
                server.bind("127.0.0.1", 0);
                InetSocketAddress address = server.getLocalAddress();
                Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
                connectionString = "mongodb://127.0.0.1:" + address.getPort();
            }
        }
        return connectionString;
    }

    /** One shared client for the whole JVM; do not close it. */
    public static synchronized MongoClient client() {
        if (client == null) {
            client = MongoClients.create(connectionString());
        }
        return client;
    }

    /** A new, empty database with a unique name. */
    public static MongoDatabase freshDatabase() {
        return client().getDatabase(uniqueName());
    }

    /** A new, empty database on its own client that reports every command it sends to {@code listener}. */
    public static MongoDatabase freshDatabase(CommandListener listener) {
        MongoClient listened = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString()))
                .addCommandListener(listener)
                .build());
        return listened.getDatabase(uniqueName());
    }

    private static String uniqueName() {
        return "test_" + UUID.randomUUID().toString().replace("-", "");
    }
}
