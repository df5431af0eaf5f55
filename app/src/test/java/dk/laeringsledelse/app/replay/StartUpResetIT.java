package dk.laeringsledelse.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.app.LaeringsledelseApplication;
import dk.laeringsledelse.app.store.EmbeddedMongoStore;
import dk.laeringsledelse.app.support.ApplicationTest;
import dk.laeringsledelse.app.support.TestApi;
import dk.laeringsledelse.query.replay.ProjectionReplay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Resets at start-up: one that the application's stop interrupted (read models emptied, tokens not yet back at the
 * start) is done again, so the read models are filled again rather than left empty for good; and a read model of an
 * earlier layout is rebuilt.
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

    /**
     * An audit history stored in the layout before per-month starts (every month's chunk starts in the key's index)
     * is rebuilt at start-up: an upgrade needs no manual rebuild, and the history is complete again.
     */
    @Test
    void anAuditHistoryOfAnEarlierLayout_isRebuiltAtStart() throws Exception {
        String teamId;
        try (ConfigurableApplicationContext first = start()) {
            TestApi api = new TestApi(port(first));
            teamId = api.newTeam("pia").teamId();
            api.graphQl("pia").documentName("startLearningCycle").fragmentName("cycleFields")
                    .variable("input", ApplicationTest.startInput(teamId, "Før opgraderingen")).execute()
                    .errors().verify();
            assertThat(first.getBean(ProjectionReplay.class).awaitCaughtUp(Duration.ofSeconds(10))).isTrue();

            // the earlier layout: months as a list and every month's starts in the key's index; its events are
            // dropped too, so only a rebuild brings them back
            try (MongoClient client = MongoClients.create(first.getBean(EmbeddedMongoStore.class).connectionString())) {
                MongoDatabase views = client.getDatabase("laeringsledelse_views");
                MongoCollection<Document> index = views.getCollection("audit_bucket_index");
                List<Document> keys = index.find().into(new ArrayList<>()).stream()
                        .filter(doc -> !doc.getString("_id").startsWith("starts|")).toList();
                index.drop();
                for (Document key : keys) {
                    Document months = key.get("months", Document.class);
                    Document starts = new Document();
                    months.forEach((month, entry) -> starts.append(month,
                            List.of(((Document) entry).get("first", Number.class).longValue())));
                    index.insertOne(new Document("_id", key.getString("_id"))
                            .append("months", new ArrayList<>(months.keySet())).append("starts", starts));
                }
                views.getCollection("audit_events").drop();
            }
        }

        try (ConfigurableApplicationContext second = start()) {
            TestApi api = new TestApi(port(second));
            String query = "{ eventHistory(filter: {teamId: \"" + teamId + "\"}) { edges { node { eventType } } } }";
            await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    api.graphQl("pia").document(query).execute().errors().verify()
                            .path("eventHistory.edges[*].node.eventType").entityList(String.class).get())
                    .contains("TeamRegistered", "LearningCycleStarted"));
            try (MongoClient client = MongoClients.create(
                    second.getBean(EmbeddedMongoStore.class).connectionString())) {
                Document team = client.getDatabase("laeringsledelse_views").getCollection("audit_bucket_index")
                        .find(new Document("_id", "team|" + teamId)).first();
                assertThat(team.get("months")).isInstanceOf(Document.class);
                assertThat(team).doesNotContainKey("starts");
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
