package dk.laeringsledelse.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents are stored as BSON; a file written by the stock H2 backend (Java serialization) still reads. */
class DocumentFormatTest {

    @TempDir
    Path dataDir;

    private static Document sample(long id) {
        return new Document("_id", id)
                .append("text", "Barnet brugte ordet kæmpestor")
                .append("n", 42).append("big", 1L << 40).append("ratio", 0.25).append("flag", true)
                .append("none", null)
                .append("at", new Date(1_700_000_000_000L))
                .append("oid", new ObjectId("64b7f0c2a1b2c3d4e5f60718"))
                .append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("decimal", Decimal128.parse("12.50"))
                .append("nested", new Document("list", List.of(1, "two", new Document("three", 3L))));
    }

    @Test
    void documentsRoundTripAndEarlierFilesStillRead() {
        Path file = dataDir.resolve(EmbeddedMongoStore.STORE_FILE);
        MongoServer stock = new MongoServer(new H2Backend(file.toString()));
        String address = stock.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(address)) {
            client.getDatabase("format").getCollection("views").insertOne(sample(1));
        } finally {
            stock.shutdownNow();
        }

        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> views = client.getDatabase("format").getCollection("views");
            assertThat(views.find(new Document("_id", 1L)).first()).isEqualTo(sample(1));
            views.insertOne(sample(2));
            views.replaceOne(new Document("_id", 1L), sample(1).append("changed", "yes"));
        }

        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> views = client.getDatabase("format").getCollection("views");
            assertThat(views.find().into(new ArrayList<>()))
                    .containsExactlyInAnyOrder(sample(1).append("changed", "yes"), sample(2));
            assertThat(views.find(new Document("text", "Barnet brugte ordet kæmpestor")).into(new ArrayList<>()))
                    .hasSize(2);
        }
    }
}
