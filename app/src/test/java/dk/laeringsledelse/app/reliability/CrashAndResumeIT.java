package dk.laeringsledelse.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.app.LaeringsledelseApplication;
import dk.laeringsledelse.embeddedstore.EmbeddedMongoStore;
import dk.laeringsledelse.app.support.ApplicationTest;
import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.cycle.CycleId;
import dk.laeringsledelse.kernel.cycle.DataBasis;
import dk.laeringsledelse.kernel.cycle.EvidenceKind;
import dk.laeringsledelse.kernel.cycle.GoalId;
import dk.laeringsledelse.kernel.cycle.PlannedPeriod;
import dk.laeringsledelse.kernel.cycle.LearningCycleStarted;
import dk.laeringsledelse.kernel.cycle.LearningGoalSet;
import dk.laeringsledelse.kernel.cycle.SignOfLearningDocumented;
import dk.laeringsledelse.kernel.cycle.SignId;
import dk.laeringsledelse.kernel.cycle.TargetGroup;
import dk.laeringsledelse.kernel.cycle.TargetGroupKind;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.query.replay.ProjectionDigest;
import dk.laeringsledelse.query.replay.ProjectionReplay;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application is killed (kill -9) while its processors are part-way through rebuilding the projections from
 * thousands of events. Started again, it resumes from its tokens, and the read models equal those of a clean full
 * replay: nothing lost, nothing applied twice.
 */
class CrashAndResumeIT {

    private static final int CYCLES = 100;
    private static final String VIEWS = "laeringsledelse_views";
    private static final int SIGNS_PER_CYCLE = 18;
    @TempDir
    Path dataDir;

    @Test
    void processorsKilledMidwayResumeToTheViewsOfACleanReplay() throws Exception {
        try (ConfigurableApplicationContext app = start(0)) {
            seed(app.getBean(EventStore.class));
        }
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, VIEWS, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            // forget the projections (read models and tokens), so the next start rebuilds them from the first event
            client.getDatabase(VIEWS).drop();
            assertThat(client.getDatabase("laeringsledelse").getCollection("events").countDocuments())
                    .as("one commit per cycle").isEqualTo(CYCLES);
        }

        int storePort = freePort();
        long projectedAtKill = killMidwayThroughRebuild(storePort);
        assertThat(projectedAtKill).as("cycles projected when killed").isBetween(1L, CYCLES - 1L);

        try (ConfigurableApplicationContext app = start(0)) {
            ProjectionReplay projections = app.getBean(ProjectionReplay.class);
            ProjectionDigest digest = app.getBean(ProjectionDigest.class);
            assertThat(projections.awaitCaughtUp(Duration.ofSeconds(90))).as("resumed and caught up: %s", projections.progress()).isTrue();
            Map<String, String> resumed = new java.util.TreeMap<>(settled(digest));
            MongoDatabase database = app.getBean(MongoDatabase.class);
            long signs = 0;
            for (Document cycle : database.getCollection("learning_cycles").find()) {
                signs += cycle.get("signs", List.class).size();
                assertThat(cycle.getInteger("version")).isEqualTo(1 + SIGNS_PER_CYCLE);
            }
            assertThat(signs).as("signs in the views, each once").isEqualTo((long) CYCLES * SIGNS_PER_CYCLE);
            assertAuditHoldsEveryEventOnce(database);

            projections.replayAll();
            assertThat(projections.awaitCaughtUp(Duration.ofSeconds(90))).as("clean replay caught up: %s", projections.progress()).isTrue();
            Map<String, String> replayed = new java.util.TreeMap<>(settled(digest));
            assertAuditHoldsEveryEventOnce(database);
            assertThat(replayed).as("views after resuming = views of a clean replay").isEqualTo(resumed);
        }
    }

    /** Every stored event is in the audit history once, and listed once in its aggregate's bucket. */
    private static void assertAuditHoldsEveryEventOnce(MongoDatabase database) {
        assertThat(database.getCollection("audit_events").countDocuments()).as("audit events")
                .isEqualTo((long) CYCLES * (2 + SIGNS_PER_CYCLE));
        long listed = 0;
        for (Document bucket : database.getCollection("audit_buckets").find()) {
            if (bucket.getString("_id").startsWith("aggregate|")) {
                List<?> refs = bucket.getList("refs", Document.class).stream().map(ref -> ref.get("p")).toList();
                assertThat(refs).as("references in " + bucket.get("_id")).doesNotHaveDuplicates();
                listed += refs.size();
            }
        }
        assertThat(listed).as("events listed under their aggregate").isEqualTo((long) CYCLES * (2 + SIGNS_PER_CYCLE));
    }

    /**
     * The digests once four readings a second apart agree: a processor reports its position when its batch is done,
     * and the last writes of a sequential projection may still be landing.
     */
    private static Map<String, String> settled(ProjectionDigest digest) throws InterruptedException {
        Map<String, String> previous = digest.digests();
        int unchanged = 0;
        for (int i = 0; i < 60 && unchanged < 3; i++) {
            Thread.sleep(1_000);
            Map<String, String> current = digest.digests();
            unchanged = current.equals(previous) ? unchanged + 1 : 0;
            previous = current;
        }
        return previous;
    }

    /** Runs the application in a child JVM, kills it once part of the projections is rebuilt, returns how much. */
    private long killMidwayThroughRebuild(int storePort) throws Exception {
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                LaeringsledelseApplication.class.getName(),
                "--server.port=0",
                "--laeringsledelse.store.embedded.port=" + storePort,
                "--laeringsledelse.store.embedded.data-dir=" + dataDir,
                "--laeringsledelse.node-id=crash-test",
                "--laeringsledelse.processor-batch-size=50") // small steps, so the kill lands part-way
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + storePort))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .build())) {
            var cycles = client.getDatabase(VIEWS).getCollection("learning_cycles");
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline && child.isAlive()) {
                long projected;
                try {
                    projected = cycles.countDocuments();
                } catch (RuntimeException notUpYet) {
                    Thread.sleep(100);
                    continue;
                }
                if (projected >= CYCLES / 10) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no token flush
                    child.waitFor(30, TimeUnit.SECONDS);
                    return projected;
                }
                Thread.sleep(5);
            }
            throw new AssertionError("the child never started rebuilding the projections");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Each cycle's events in one commit, written straight to the event store: seeding is not under test. */
    private static void seed(EventStore eventStore) {
        String team = ApplicationTest.unique("team");
        MetaData seeder = MetaData.with(MetaDataKeys.ACTOR, "seeder");
        for (int c = 0; c < CYCLES; c++) {
            String id = "cycle-" + c;
            CycleId cycle = new CycleId(id);
            TeamId teamId = new TeamId(team + "-" + c % 10);
            GoalId goal = new GoalId(id + "-goal");
            List<Object> payloads = new ArrayList<>();
            payloads.add(new LearningCycleStarted(cycle, teamId, "Forløb " + id,
                    new PlannedPeriod(ApplicationTest.TODAY.minusDays(60), ApplicationTest.TODAY.plusDays(30)),
                    new DataBasis("Fund", "Kilder")));
            payloads.add(new LearningGoalSet(cycle, teamId, goal, "Mål", "sprog",
                    new TargetGroup(TargetGroupKind.WHOLE_GROUP, null, List.of()), List.of("Tegn"), null));
            for (int s = 0; s < SIGNS_PER_CYCLE; s++) {
                payloads.add(new SignOfLearningDocumented(cycle, teamId, new SignId(id + "-sign-" + s), goal, null,
                        ApplicationTest.TODAY.minusDays(1), "Observation " + s, 0, EvidenceKind.OBSERVATION,
                        List.of()));
            }
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (int seq = 0; seq < payloads.size(); seq++) {
                events.add(new GenericDomainEventMessage<>("LearningCycle", id, seq, payloads.get(seq), seeder));
            }
            eventStore.publish(events);
        }
    }

    private ConfigurableApplicationContext start(int storePort) {
        return new SpringApplicationBuilder(LaeringsledelseApplication.class).run(
                "--server.port=0",
                "--laeringsledelse.store.embedded.port=" + storePort,
                "--laeringsledelse.store.embedded.data-dir=" + dataDir,
                "--laeringsledelse.node-id=crash-test");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
