package dk.laeringsledelse.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.laeringsledelse.app.LaeringsledelseApplication;
import dk.laeringsledelse.app.support.TestApi;
import dk.laeringsledelse.query.replay.ProjectionDigest;
import dk.laeringsledelse.query.replay.ProjectionReplay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The README's one-command run with --demo, twice on one data folder: the second start serves the same data, once. */
class DemoRestartIT {

    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void givenDemoDataSeeded_whenStartedAgainWithDemo_thenItServesTheSameDataAndSeedsNothing() throws Exception {
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        long head;
        Map<String, String> views;
        try (ConfigurableApplicationContext first = start()) {
            TestApi api = api(first);
            await().atMost(CATCH_UP).untilAsserted(() -> assertThat(teams(api, "anne.revisor")).hasSize(5));
            head = first.getBean(ProjectionReplay.class).head();
            views = settledViews(first);
        }

        try (ConfigurableApplicationContext second = start()) {
            ProjectionReplay projections = second.getBean(ProjectionReplay.class);
            assertThat(projections.head()).as("events stored: the second start appended none").isEqualTo(head);
            assertThat(projections.awaitCaughtUp(CATCH_UP)).as("caught up: %s", projections.progress()).isTrue();
            assertThat(settledViews(second)).as("every read model as the first start left it").isEqualTo(views);

            TestApi api = api(second);
            assertThat(teams(api, "anne.revisor"))
                    .containsExactlyInAnyOrder("bier", "sommerfugle", "spirer", "froe", "3a");
            api.graphQl("mette").document("{ learningCycles(teamId: \"bier\") { edges { node { id phase } } } }")
                    .execute().errors().verify()
                    .path("learningCycles.edges[*].node.id").entityList(String.class).containsExactly("bier-sprog")
                    .path("learningCycles.edges[0].node.phase").entity(String.class).isEqualTo("EVALUATING");
        }

        // closed, the application leaves no thread that would keep a JVM alive (Axon's janitor was one)
        // (polled on this thread: awaitility's own thread is not a daemon)
        await().pollInSameThread().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(thread -> !thread.isDaemon() && !threadsBefore.contains(thread))
                .extracting(Thread::getName).isEmpty());
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LaeringsledelseApplication.class).run(
                "--demo",
                "--server.port=0",
                "--laeringsledelse.store.embedded.port=0",
                "--laeringsledelse.store.embedded.data-dir=" + dataDir,
                "--laeringsledelse.node-id=demo-restart-test");
    }

    /** The read models' digests once two readings a second apart agree: the last writes of a batch may be landing. */
    private static Map<String, String> settledViews(ConfigurableApplicationContext app) throws InterruptedException {
        ProjectionReplay projections = app.getBean(ProjectionReplay.class);
        assertThat(projections.awaitCaughtUp(CATCH_UP)).as("caught up: %s", projections.progress()).isTrue();
        ProjectionDigest digest = app.getBean(ProjectionDigest.class);
        AtomicReference<Map<String, String>> previous = new AtomicReference<>(digest.digests());
        await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, String> current = digest.digests();
            return current.equals(previous.getAndSet(current));
        });
        return previous.get();
    }

    private static TestApi api(ConfigurableApplicationContext app) {
        return new TestApi(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    private static List<String> teams(TestApi api, String person) {
        return api.graphQl(person).document("{ me { teams { id } } }").execute().errors().verify()
                .path("me.teams[*].id").entityList(String.class).get();
    }
}
