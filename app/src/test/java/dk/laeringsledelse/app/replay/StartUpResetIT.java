package dk.laeringsledelse.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.app.LaeringsledelseApplication;
import dk.laeringsledelse.embeddedstore.EmbeddedMongoStore;
import dk.laeringsledelse.app.support.ApplicationTest;
import dk.laeringsledelse.app.support.TestApi;
import dk.laeringsledelse.query.replay.ProjectionReplay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A reset that the application's stop interrupted (read models emptied, tokens not yet back at the start) is done
 * again at start-up, so the read models are filled again rather than left empty for good.
 */
class StartUpResetIT {

    @TempDir
    Path dataDir;

    @Test
    void aResetInterruptedBetweenEmptyingTheReadModelsAndStoringTheTokens_isDoneAgainAtStart() throws Exception {
        String cycleId;
        try (ConfigurableApplicationContext first = start()) {
            TestApi api = new TestApi(port(first));
            String teamId = api.newTeam("pia").teamId();
            cycleId = api.graphQl("pia").documentName("startLearningCycle").fragmentName("cycleFields")
                    .variable("input", ApplicationTest.startInput(teamId, "Før afbrydelsen")).execute()
                    .errors().verify().path("startLearningCycle.cycleId").entity(String.class).get();
            assertThat(first.getBean(ProjectionReplay.class).awaitCaughtUp(Duration.ofSeconds(10))).isTrue();

            // the state a stop leaves in the middle of a reset of the team views: the note, the emptied read model,
            // the tokens where they were
            try (MongoClient client = MongoClients.create(first.getBean(EmbeddedMongoStore.class).connectionString())) {
                MongoDatabase views = client.getDatabase("laeringsledelse_views");
                views.getCollection(ProjectionReplay.UNFINISHED_RESETS)
                        .insertOne(new Document("_id", "team-views").append("begun", new Date()));
                views.getCollection("learning_cycles").drop();
            }
        }

        try (ConfigurableApplicationContext second = start()) {
            TestApi api = new TestApi(port(second));
            String id = cycleId;
            // the read model is filled again by the processor, after the start: until then the cycle is not found
            await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api.graphQl("pia")
                    .documentName("learningCycle").fragmentName("cycleFields").variable("id", id).execute()
                    .errors().verify().path("learningCycle.title").entity(String.class).isEqualTo("Før afbrydelsen"));
            try (MongoClient client = MongoClients.create(
                    second.getBean(EmbeddedMongoStore.class).connectionString())) {
                assertThat(client.getDatabase("laeringsledelse_views")
                        .getCollection(ProjectionReplay.UNFINISHED_RESETS).countDocuments()).isZero();
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LaeringsledelseApplication.class).run(
                "--server.port=0",
                "--laeringsledelse.store.embedded.port=0",
                "--laeringsledelse.store.embedded.data-dir=" + dataDir,
                "--laeringsledelse.node-id=start-up-reset-test",
                "--laeringsledelse.security.operators=" + TestApi.OPERATOR);
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
