package dk.laeringsledelse.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store tells clients it is MongoDB 4.4.0 (wire version 9): the newest server whose commands it serves.
 * Above the lowest that current drivers accept (4.2, wire version 8), so that the next driver release that drops 4.2
 * still connects; not 5.0 or later, as those all answer {@code hello}, which the store does not.
 */
class ServerVersionTest {

    @TempDir
    Path dataDir;

    @Test
    void theStoreReportsMongoDb44AndWireVersion9_andHasNoHelloCommand() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase admin = client.getDatabase("admin");

            Document isMaster = admin.runCommand(new Document("isMaster", 1));
            assertThat(isMaster.get("maxWireVersion", Number.class).intValue()).isEqualTo(9);
            Document buildInfo = admin.runCommand(new Document("buildInfo", 1));
            assertThat(buildInfo.getString("version")).isEqualTo("4.4.0");
            assertThat(buildInfo.getList("versionArray", Integer.class)).isEqualTo(List.of(4, 4, 0));
            // the reason it does not claim 5.0 or later
            assertThatThrownBy(() -> admin.runCommand(new Document("hello", 1)))
                    .isInstanceOf(MongoCommandException.class);
        }
    }
}
