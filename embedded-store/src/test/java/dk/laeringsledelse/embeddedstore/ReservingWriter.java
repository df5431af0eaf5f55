package dk.laeringsledelse.embeddedstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import org.bson.Document;

/**
 * Child process of {@link EmbeddedStoreDurabilityTest}: as the event store appends, several writers at once
 * reserve a position from a counter in {@code sequences} and then insert the event at it, printing each
 * acknowledged position, until killed.
 */
public final class ReservingWriter {

    static final String DATABASE = "reserving";
    static final String VIEWS = "reserving_views";
    static final int WRITERS = 4;

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongoStore store = EmbeddedMongoStore.start(Path.of(args[0]), VIEWS, "127.0.0.1", 0);
        MongoClient client = MongoClients.create(store.connectionString());
        MongoCollection<Document> sequences = client.getDatabase(DATABASE).getCollection("sequences");
        MongoCollection<Document> events = client.getDatabase(DATABASE).getCollection("events");
        sequences.insertOne(new Document("_id", "events").append("value", 0L));
        for (int w = 0; w < WRITERS; w++) {
            Thread writer = new Thread(() -> {
                while (true) {
                    Document before = sequences.findOneAndUpdate(new Document("_id", "events"),
                            Updates.inc("value", 1L), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
                    long position = before.getLong("value") + 1;
                    events.insertOne(new Document("_id", position).append("payload", "x".repeat(300)));
                    synchronized (System.out) {
                        System.out.println("ACK " + position);
                        System.out.flush();
                    }
                }
            });
            writer.start();
        }
        Thread.currentThread().join();
    }
}
