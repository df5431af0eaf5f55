package dk.laeringsledelse.app.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.app.LaeringsledelseApplication;
import dk.laeringsledelse.embeddedstore.EmbeddedMongoStore;
import dk.laeringsledelse.app.support.TestApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a user's mistake leaves in the application's log: a command the embedded store does not know (as mongosh
 * sends them) is answered as an error without an ERROR line or stack trace, and a refused mutation logs at most one
 * line.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuietRefusalsIT {

    @TempDir
    static Path dataDir;
    private static ConfigurableApplicationContext app;
    private static TestApi api;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(LaeringsledelseApplication.class).run(
                "--demo",
                "--server.port=0",
                "--laeringsledelse.store.embedded.port=0",
                "--laeringsledelse.store.embedded.data-dir=" + dataDir);
        api = new TestApi(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void commandsTheEmbeddedStoreDoesNotKnowAreAnsweredAsErrorsWithoutAnErrorInTheLog(CapturedOutput output) {
        String connection = app.getBean(EmbeddedMongoStore.class).connectionString();
        try (MongoClient client = MongoClients.create(connection)) {
            MongoDatabase admin = client.getDatabase("admin");
            int before = output.length();
            for (String command : List.of("atlasVersion", "getParameter")) {
                MongoCommandException refused = catchThrowableOfType(MongoCommandException.class,
                        () -> admin.runCommand(new Document(command, 1)));
                assertThat(refused).as(command).isNotNull();
                assertThat(refused.getErrorMessage()).as(command).isNotBlank();
            }
            // the store still serves afterwards
            assertThat(admin.runCommand(new Document("ping", 1)).get("ok")).isIn(1, 1.0);

            String logged = output.toString().substring(before);
            assertThat(lines(logged)).as("log lines after the unknown commands")
                    .noneMatch(line -> line.contains(" ERROR ") || line.startsWith("\tat ")
                            || line.startsWith("Caused by"));
        }
    }

    @Test
    void aRefusedMutationLogsAtMostOneLine(CapturedOutput output) {
        // ali's team's cycle froe-natur is completed: recording a reflection on it breaks a rule
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api.graphQl("ali")
                .document("{ learningCycle(id: \"froe-natur\") { phase } }").execute().errors().verify()
                .path("learningCycle.phase").entity(String.class).isEqualTo("COMPLETED"));
        int before = output.length();

        api.graphQl("ali").document("mutation($i: RecordReflectionInput!) { recordReflection(input: $i) "
                        + "{ cycle { phase } } }")
                .variable("i", Map.of("cycleId", "froe-natur", "practiceLearnings", "x", "plannedAdjustments", "y"))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "CONFLICT")));

        String logged = output.toString().substring(before);
        assertThat(lines(logged)).as("log lines of the refused mutation").noneMatch(line -> line.startsWith("\tat ")
                || line.startsWith("Caused by") || line.contains(" ERROR "));
        assertThat(lines(logged).stream().filter(line -> line.contains("RecordReflection")
                || line.contains("completed") || line.contains("RuleViolation"))).hasSizeLessThanOrEqualTo(1);
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).filter(line -> !line.isBlank()).toList();
    }
}
