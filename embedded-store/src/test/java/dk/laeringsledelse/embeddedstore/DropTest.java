package dk.laeringsledelse.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dropping a collection answers as MongoDB 7 does, also when the collection does not exist (a reset's drops). */
class DropTest {

    @TempDir
    Path dataDir;

    @Test
    void droppingACollectionThatDoesNotExistAnswersOk_andAnExistingOneIsGone() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase db = client.getDatabase("views");
            db.getCollection("kept").insertOne(new Document("_id", 1));
            db.getCollection("dropped").insertOne(new Document("_id", 1));

            assertThat(db.runCommand(new Document("drop", "never_written")).get("ok", Number.class).doubleValue())
                    .isEqualTo(1.0);
            assertThat(db.runCommand(new Document("drop", "dropped")).get("ok", Number.class).doubleValue())
                    .isEqualTo(1.0);

            assertThat(db.listCollectionNames().into(new java.util.ArrayList<>())).containsExactly("kept");
        }
    }
}
