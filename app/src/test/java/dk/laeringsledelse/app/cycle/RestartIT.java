package dk.laeringsledelse.app.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.app.LaeringsledelseApplication;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The application stopped and started again on the same data folder finds everything, applied once. */
class RestartIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

    @TempDir
    Path dataDir;

    @Test
    void eventsAndViewsSurviveARestartAndNothingIsAppliedTwice() {
        String cycleId;
        try (ConfigurableApplicationContext first = start()) {
            HttpGraphQlTester api = graphQl(first);
            cycleId = api.documentName("startLearningCycle").fragmentName("cycleFields").variable("input", Map.of("teamId", "team-restart",
                            "title", "Før genstart",
                            "plannedPeriod", Map.of("start", TODAY.minusDays(5).toString(), "end", TODAY.toString()),
                            "dataBasis", Map.of("findings", "F", "sources", "S")))
                    .execute().errors().verify().path("startLearningCycle.cycleId").entity(String.class).get();
            api.documentName("setLearningGoal").fragmentName("cycleFields").variable("input", Map.of("cycleId", cycleId, "description", "Mål",
                            "curriculumTheme", "social-udvikling", "targetGroup", Map.of("kind", "WHOLE_GROUP"),
                            "expectedSigns", List.of("Tegn")))
                    .execute().errors().verify();
        }

        try (ConfigurableApplicationContext second = start()) {
            HttpGraphQlTester api = graphQl(second);
            api.documentName("learningCycle").fragmentName("cycleFields").variable("id", cycleId).execute().errors().verify()
                    .path("learningCycle.title").entity(String.class).isEqualTo("Før genstart")
                    .path("learningCycle.version").entity(Integer.class).isEqualTo(1)
                    .path("learningCycle.counts.goals").entity(Integer.class).isEqualTo(1);
            api.document("{ teamTimeline(teamId: \"team-restart\") { edges { node { kind } } } }")
                    .execute().errors().verify()
                    .path("teamTimeline.edges[*].node.kind").entityList(String.class)
                    .containsExactly("CYCLE_STARTED", "GOAL_SET");

            // the aggregate is loaded from the stored events: the next event follows on
            api.documentName("recordReflection").fragmentName("cycleFields").variable("input", Map.of("cycleId", cycleId,
                            "practiceLearnings", "Efter genstart", "plannedAdjustments", "Ingen"))
                    .execute().errors().verify()
                    .path("recordReflection.cycle.version").entity(Integer.class).isEqualTo(2);
        }
    }

    private ConfigurableApplicationContext start() {
        // as arguments, which outrank application.yml (builder default properties would not)
        return new SpringApplicationBuilder(LaeringsledelseApplication.class).run(
                "--server.port=0",
                "--laeringsledelse.store.embedded.port=0",
                "--laeringsledelse.store.embedded.data-dir=" + dataDir,
                "--laeringsledelse.node-id=restart-test");
    }

    private static HttpGraphQlTester graphQl(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(java.time.Duration.ofSeconds(30)).build());
    }
}
