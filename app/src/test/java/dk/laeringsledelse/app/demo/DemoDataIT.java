package dk.laeringsledelse.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.laeringsledelse.app.LaeringsledelseApplication;
import dk.laeringsledelse.app.support.TestApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The README's one-command run with --demo: a teacher, a leader and an auditor log in and see different data. */
class DemoDataIT {

    @TempDir
    Path dataDir;

    @Test
    void aTeacherALeaderAndAnAuditorSeeDifferentTeams() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LaeringsledelseApplication.class).run(
                "--demo",
                "--server.port=0",
                "--laeringsledelse.store.embedded.port=0",
                "--laeringsledelse.store.embedded.data-dir=" + dataDir)) {
            TestApi api = new TestApi(((WebServerApplicationContext) app).getWebServer().getPort());
            // the seeding commands are recorded before start-up ends; their projections may still be catching up
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(teams(api, "anne.revisor")).hasSize(5));
            assertThat(teams(api, "mette")).containsExactly("bier");
            assertThat(teams(api, "lars")).containsExactlyInAnyOrder("bier", "sommerfugle");
            assertThat(teams(api, "ole.ppr")).containsExactlyInAnyOrder("bier", "spirer", "3a");
            assertThat(teams(api, "anne.revisor")).containsExactlyInAnyOrder("bier", "sommerfugle", "spirer", "froe", "3a");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api.graphQl("mette")
                    .document("{ learningCycles(teamId: \"bier\") { edges { node { title phase } } } }")
                    .execute().errors().verify()
                    .path("learningCycles.edges[0].node.phase").entity(String.class).isEqualTo("EVALUATING"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api.graphQl("anne.revisor")
                    .document("{ learningCycle(id: \"froe-natur\") { phase startedBy } }")
                    .execute().errors().verify()
                    .path("learningCycle.phase").entity(String.class).isEqualTo("COMPLETED")
                    .path("learningCycle.startedBy").entity(String.class).isEqualTo("ali"));
            api.graphQl("mette").document("{ learningCycle(id: \"froe-natur\") { phase } }")
                    .execute().errors().verify().path("learningCycle").valueIsNull();
        }
    }

    private static List<String> teams(TestApi api, String person) {
        return api.graphQl(person).document("{ me { teams { id } } }").execute().errors().verify()
                .path("me.teams[*].id").entityList(String.class).get();
    }
}
