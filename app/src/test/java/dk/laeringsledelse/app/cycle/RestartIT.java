package dk.laeringsledelse.app.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.app.LaeringsledelseApplication;
import dk.laeringsledelse.app.support.TestApi;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The application stopped and started again on the same data folder finds everything, applied once. */
class RestartIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

    @TempDir
    Path dataDir;

    @Test
    void eventsAndViewsSurviveARestartAndNothingIsAppliedTwice() {
        String cycleId;
        String teamId;
        try (ConfigurableApplicationContext first = start()) {
            TestApi outside = new TestApi(port(first));
            teamId = outside.newTeam("pia").teamId();
            HttpGraphQlTester api = outside.graphQl("pia");
            cycleId = api.documentName("startLearningCycle").fragmentName("cycleFields").variable("input", Map.of("teamId", teamId,
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
            HttpGraphQlTester api = new TestApi(port(second)).graphQl("pia");
            api.documentName("learningCycle").fragmentName("cycleFields").variable("id", cycleId).execute().errors().verify()
                    .path("learningCycle.title").entity(String.class).isEqualTo("Før genstart")
                    .path("learningCycle.version").entity(Integer.class).isEqualTo(1)
                    .path("learningCycle.counts.goals").entity(Integer.class).isEqualTo(1);
            api.document("query($teamId: ID!) { teamTimeline(teamId: $teamId) { edges { node { kind } } } }")
                    .variable("teamId", teamId)
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
                "--laeringsledelse.node-id=restart-test",
                "--laeringsledelse.security.operators=" + TestApi.OPERATOR);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
