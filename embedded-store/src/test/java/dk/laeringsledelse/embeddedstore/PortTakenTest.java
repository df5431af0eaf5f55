package dk.laeringsledelse.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's port is taken by another program: the start fails with a message naming the setting, and leaves
 * nothing behind (no network thread that would keep the JVM alive, no open file).
 */
class PortTakenTest {

    @TempDir
    Path dataDir;

    @Test
    void givenThePortTaken_whenTheStoreStarts_thenAClearErrorAndNoThreadOrOpenFileIsLeft() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedMongoStore.start(dataDir, "127.0.0.1", port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("laeringsledelse.store.embedded.port");
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(storeThreadsStartedSince(before))
                .as("network threads of the failed start").isEmpty());
        // the file was closed: the same data folder opens at once on a free port
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            assertThat(client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok", Number.class)
                    .intValue()).isEqualTo(1);
        }
    }

    private static Set<String> storeThreadsStartedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.getName().startsWith("mongo-server"))
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
