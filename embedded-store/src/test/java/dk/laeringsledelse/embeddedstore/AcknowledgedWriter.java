package dk.laeringsledelse.embeddedstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import org.bson.Document;

/**
 * Child process of {@link EmbeddedStoreDurabilityTest}: starts the embedded store on a data folder and, one at a
 * time, inserts an event-sized document into {@code events} and then a document derived from it into the views
 * database (as a projection would), printing each acknowledged number, until it is killed.
 */
public final class AcknowledgedWriter {

    static final String DATABASE = "durability";
    static final String VIEWS = "durability_views";

    public static void main(String[] args) {
        EmbeddedMongoStore store = EmbeddedMongoStore.start(Path.of(args[0]), VIEWS, "127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> events = client.getDatabase(DATABASE).getCollection("events");
            MongoCollection<Document> views = client.getDatabase(VIEWS).getCollection("views");
            for (long n = 1; ; n++) {
                events.insertOne(new Document("_id", n).append("payload", "x".repeat(300)));
                views.insertOne(new Document("_id", n).append("event", n));
                System.out.println("ACK " + n);
                System.out.flush();
            }
        }
    }
}
