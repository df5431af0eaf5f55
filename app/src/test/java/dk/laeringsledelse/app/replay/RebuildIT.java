package dk.laeringsledelse.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.laeringsledelse.app.LaeringsledelseApplication;
import dk.laeringsledelse.app.support.ApplicationTest;
import dk.laeringsledelse.app.support.TestApi;
import dk.laeringsledelse.app.support.TestApi.TestTeam;
import dk.laeringsledelse.query.replay.ProjectionReplay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * An operator rebuilds every projection from the events, follows its progress, and gets read models identical to
 * those before (equal digests). Its own application and data folder: the rebuild resets every processor.
 */
class RebuildIT {

    private static final String STATUS = "{ state processed total eventsPerSecond etaSeconds digestBefore digestAfter "
            + "digestsEqual }";

    @TempDir
    Path dataDir;

    @Test
    void anOperatorRebuildsEveryProjectionAndGetsTheSameDigest() throws InterruptedException {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LaeringsledelseApplication.class).run(
                "--server.port=0",
                "--laeringsledelse.store.embedded.port=0",
                "--laeringsledelse.store.embedded.data-dir=" + dataDir,
                "--laeringsledelse.node-id=rebuild-test",
                "--laeringsledelse.security.operators=" + TestApi.OPERATOR)) {
            TestApi api = new TestApi(((WebServerApplicationContext) app).getWebServer().getPort());
            TestTeam team = api.newTeam("pia");
            HttpGraphQlTester pia = api.graphQl("pia");
            for (int i = 0; i < 3; i++) {
                String cycleId = pia.documentName("startLearningCycle").fragmentName("cycleFields")
                        .variable("input", ApplicationTest.startInput(team.teamId(), "Forløb " + i)).execute()
                        .errors().verify().path("startLearningCycle.cycleId").entity(String.class).get();
                pia.documentName("setLearningGoal").fragmentName("cycleFields").variable("input", Map.of(
                                "cycleId", cycleId, "description", "Mål", "curriculumTheme", "social-udvikling",
                                "targetGroup", Map.of("kind", "WHOLE_GROUP"), "expectedSigns", List.of("Tegn")))
                        .execute().errors().verify();
            }

            List<ResponseError> refused = new ArrayList<>();
            pia.document("mutation { rebuildProjections " + STATUS + " }").execute().errors()
                    .satisfy(refused::addAll);
            assertThat(refused).singleElement().satisfies(e ->
                    assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN"));

            HttpGraphQlTester operator = api.graphQl(TestApi.OPERATOR);
            // the read models as of every event (the audit history follows a moment behind the mutations)
            assertThat(app.getBean(ProjectionReplay.class).awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
            String before = operator.document("{ projectionDigest }").execute().errors().verify()
                    .path("projectionDigest").entity(String.class).get();
            operator.document("mutation { rebuildProjections " + STATUS + " }").execute().errors().verify()
                    .path("rebuildProjections.state").entity(String.class).isEqualTo("RUNNING");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> operator
                    .document("{ projectionRebuild " + STATUS + " }").execute().errors().verify()
                    .path("projectionRebuild.state").entity(String.class).isEqualTo("DONE"));
            operator.document("{ projectionRebuild " + STATUS + " }").execute().errors().verify()
                    .path("projectionRebuild.digestsEqual").entity(Boolean.class).isEqualTo(true)
                    .path("projectionRebuild.digestBefore").entity(String.class).isEqualTo(before)
                    .path("projectionRebuild.digestAfter").entity(String.class).isEqualTo(before)
                    .path("projectionRebuild.processed").entity(Double.class)
                    .satisfies(processed -> assertThat(processed).isPositive());
            pia.documentName("learningCycles").variable("teamId", team.teamId()).execute().errors().verify()
                    .path("learningCycles.totalCount").entity(Integer.class).isEqualTo(3);
        }
    }
}
