package dk.laeringsledelse.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged event must survive the process being killed (kill -9), not only a clean shutdown; writes derived
 * from events (read models, tokens), kept in a file of their own, are committed shortly after and never get ahead of
 * their events.
 */
class EmbeddedStoreDurabilityTest {

    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedEventsSurviveAHardKillAndViewsNeverGetAheadOfThem() throws Exception {
        // writing on for several commit intervals, so the views of the first writes are committed
        List<Long> acknowledged = acknowledgedUntilKilled(AcknowledgedWriter.class, 8);
        long lastAcknowledged = acknowledged.get(acknowledged.size() - 1); // one writer: 1, 2, 3, ...
        assertThat(lastAcknowledged).isGreaterThan(ACKNOWLEDGED_BEFORE_KILL);

        try (EmbeddedMongoStore reopened = EmbeddedMongoStore.start(dataDir, AcknowledgedWriter.VIEWS, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> events = client.getDatabase(AcknowledgedWriter.DATABASE).getCollection("events");
            MongoCollection<Document> views = client.getDatabase(AcknowledgedWriter.VIEWS).getCollection("views");
            for (long n = 1; n <= lastAcknowledged; n++) {
                assertThat(events.find(new Document("_id", n)).first())
                        .as("acknowledged event %d after kill -9", n).isNotNull();
            }
            // views are not waited for, but reach the file within a few commit intervals, in order
            long viewCount = views.countDocuments();
            assertThat(viewCount).isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
            for (long n = 1; n <= viewCount; n++) {
                assertThat(views.find(new Document("_id", n)).first()).as("view %d of %d", n, viewCount).isNotNull();
            }
            // and never ahead of their events: the event file commits before the views file
            for (Document view : views.find()) {
                assertThat(events.find(new Document("_id", view.get("event"))).first()).isNotNull();
            }
        }
        // a commit per write writes a chunk per write; the space of dead chunks is reused after 10 s, so the file
        // holds about that many seconds of chunks, not every chunk ever written
        assertThat(Files.size(dataDir.resolve(EmbeddedMongoStore.STORE_FILE))).isLessThan(256L * 1024 * 1024);
    }

    /**
     * As the event store appends: several writers at once reserve a position from the counter, then insert at it. A
     * commit must never hold an event whose position the counter does not count, or after a crash the counter would
     * hand out a position that is taken.
     */
    @Test
    void afterAHardKillTheCounterCountsEveryStoredEvent_withSeveralWritersReserving() throws Exception {
        List<Long> acknowledged = acknowledgedUntilKilled(ReservingWriter.class, 4);
        assertThat(acknowledged).hasSizeGreaterThan(ACKNOWLEDGED_BEFORE_KILL);

        try (EmbeddedMongoStore reopened = EmbeddedMongoStore.start(dataDir, ReservingWriter.VIEWS, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> events = client.getDatabase(ReservingWriter.DATABASE).getCollection("events");
            long counter = client.getDatabase(ReservingWriter.DATABASE).getCollection("sequences")
                    .find(new Document("_id", "events")).first().getLong("value");
            for (long position : acknowledged) {
                assertThat(events.find(new Document("_id", position)).first())
                        .as("acknowledged event %d after kill -9", position).isNotNull();
            }
            long highestStored = events.find().sort(new Document("_id", -1)).first().getLong("_id");
            assertThat(counter).as("the counter after kill -9, against the highest stored event")
                    .isGreaterThanOrEqualTo(highestStored);
        }
    }

    /**
     * Runs the writer in a process of its own on the data folder and kills it (SIGKILL: no shutdown hook, no final
     * commit) some commit intervals after it acknowledged {@value #ACKNOWLEDGED_BEFORE_KILL} writes; returns what it
     * acknowledged, in order.
     */
    private List<Long> acknowledgedUntilKilled(Class<?> writerClass, int commitIntervalsAfter) throws Exception {
        // read before the clock starts: loading the backend's class can take longer than the whole delay
        long killDelay = commitIntervalsAfter * DurableH2Backend.COMMIT_INTERVAL.toNanos();
        Process writer = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                writerClass.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<Long> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            long killAt = Long.MAX_VALUE;
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(Long.parseLong(line.substring(4)));
                    if (acknowledged.size() == ACKNOWLEDGED_BEFORE_KILL) {
                        killAt = System.nanoTime() + killDelay;
                    }
                    if (System.nanoTime() >= killAt) {
                        writer.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return acknowledged;
    }
}
