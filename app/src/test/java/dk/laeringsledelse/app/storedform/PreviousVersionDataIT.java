package dk.laeringsledelse.app.storedform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.laeringsledelse.app.LaeringsledelseApplication;
import dk.laeringsledelse.app.support.TestApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A data folder written by the previous release (Spring Boot 3.5, in {@code src/test/resources/previous-version/})
 * opens in this one: its events, views and processor tokens read back unchanged, its hash chain verifies, and it
 * takes a new event. Without the fixture, the test writes one with the code at hand to
 * {@code target/previous-version-candidates/} and fails: run it on the release before a framework upgrade.
 */
class PreviousVersionDataIT {

    private static final String FIXTURE = "/previous-version/";
    private static final String AUDITOR = "anne";
    private static final String EDUCATOR = "pia";
    private static final String CYCLE = "query($id: ID!) { learningCycle(id: $id) { id teamId title phase version "
            + "plannedPeriod { start end } dataBasis { findings sources } phaseHistory { phase enteredAt } startedBy "
            + "goals { goalId description curriculumTheme expectedSigns signIds targetGroup { kind childIds } } "
            + "activities { activityId goalIds status carriedOutOn } "
            + "signs { signId goalId activityId observedOn evidenceKind documentedBy } "
            + "counts { goals activities activitiesCarriedOut signs } } }";
    private static final String VERIFY = "query($id: ID!) { verifyIntegrity(aggregateId: $id) { ok eventsVerified } }";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void aDataFolderOfThePreviousVersionReadsBackUnchangedVerifiesAndTakesAWrite() throws IOException {
        try (InputStream zip = PreviousVersionDataIT.class.getResourceAsStream(FIXTURE + "data.zip");
             InputStream expected = PreviousVersionDataIT.class.getResourceAsStream(FIXTURE + "expected.json")) {
            if (zip == null || expected == null) {
                writeCandidate();
                fail("No data folder of the previous version; review and copy target/previous-version-candidates/* "
                        + "to src/test/resources" + FIXTURE);
            }
            unzip(zip, dataDir);
            Map<?, ?> recorded = JSON.readValue(expected, Map.class);
            String cycleId = (String) recorded.get("cycleId");

            try (ConfigurableApplicationContext app = start()) {
                TestApi api = new TestApi(port(app));
                assertThat(readCycle(api, cycleId)).isEqualTo(recorded.get("cycle"));
                api.graphQl(AUDITOR).document(VERIFY).variable("id", cycleId).execute().errors().verify()
                        .path("verifyIntegrity.ok").entity(Boolean.class).isEqualTo(true)
                        .path("verifyIntegrity.eventsVerified").entity(Integer.class)
                        .isEqualTo((Integer) recorded.get("cycleEvents"));

                api.graphQl(EDUCATOR).documentName("recordReflection").fragmentName("cycleFields")
                        .variable("input", Map.of("cycleId", cycleId, "practiceLearnings", "Efter opgraderingen",
                                "plannedAdjustments", "Ingen"))
                        .execute().errors().verify();
                api.graphQl(AUDITOR).document(VERIFY).variable("id", cycleId).execute().errors().verify()
                        .path("verifyIntegrity.ok").entity(Boolean.class).isEqualTo(true)
                        .path("verifyIntegrity.eventsVerified").entity(Integer.class)
                        .isEqualTo((Integer) recorded.get("cycleEvents") + 1);
                // the projections resume from the stored tokens and apply the new event (versions count from 0)
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(readCycle(api, cycleId).get("version"))
                        .isEqualTo(recorded.get("cycleEvents")));
            }
        }
    }

    /** A team with one cycle that holds each kind of field (dates, lists, enums, who and when). */
    private void writeCandidate() throws IOException {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        Map<String, Object> recorded = new LinkedHashMap<>();
        try (ConfigurableApplicationContext app = start()) {
            TestApi api = new TestApi(port(app));
            TestApi.TestTeam team = api.newTeam(EDUCATOR);
            api.assign(AUDITOR, "AUDITOR", team);
            HttpGraphQlTester pia = api.graphQl(EDUCATOR);
            String cycleId = pia.documentName("startLearningCycle").fragmentName("cycleFields")
                    .variable("input", Map.of("teamId", team.teamId(), "title", "Skrevet af den forrige version",
                            "plannedPeriod", Map.of("start", today.minusDays(60).toString(),
                                    "end", today.plusDays(30).toString()),
                            "dataBasis", Map.of("findings", "Sproget halter", "sources", "Profilanalyse T1")))
                    .execute().errors().verify().path("startLearningCycle.cycleId").entity(String.class).get();
            String goalId = pia.documentName("setLearningGoal").fragmentName("cycleFields")
                    .variable("input", Map.of("cycleId", cycleId, "description", "Nye ord om naturen",
                            "curriculumTheme", "kommunikation-og-sprog", "targetGroup", Map.of("kind", "WHOLE_GROUP"),
                            "expectedSigns", List.of("Bruger nye ord", "Spørger til ord")))
                    .execute().errors().verify().path("setLearningGoal.goalId").entity(String.class).get();
            String activityId = pia.documentName("planActivity").fragmentName("cycleFields")
                    .variable("input", Map.of("cycleId", cycleId, "goalIds", List.of(goalId),
                            "description", "Ordjagt i skoven", "plannedDate", today.minusDays(25).toString()))
                    .execute().errors().verify().path("planActivity.activityId").entity(String.class).get();
            pia.documentName("recordActivityCarriedOut").fragmentName("cycleFields")
                    .variable("input", Map.of("cycleId", cycleId, "activityId", activityId,
                            "carriedOutOn", today.minusDays(20).toString(), "notes", "Regn"))
                    .execute().errors().verify();
            pia.documentName("documentSignOfLearning").fragmentName("cycleFields")
                    .variable("input", Map.of("cycleId", cycleId, "goalId", goalId, "activityId", activityId,
                            "observedOn", today.minusDays(19).toString(), "observation", "Sagde 'bregne'",
                            "evidenceKind", "OBSERVATION"))
                    .execute().errors().verify();
            recorded.put("cycleId", cycleId);
            recorded.put("cycleEvents", 5);
            recorded.put("cycle", readCycle(api, cycleId));
        }
        Path candidates = Files.createDirectories(Path.of("target", "previous-version-candidates"));
        JSON.writerWithDefaultPrettyPrinter().writeValue(candidates.resolve("expected.json").toFile(), recorded);
        zip(dataDir, candidates.resolve("data.zip"));
    }

    private static Map<?, ?> readCycle(TestApi api, String cycleId) {
        return api.graphQl(AUDITOR).document(CYCLE).variable("id", cycleId).execute().errors().verify()
                .path("learningCycle").entity(Map.class).get();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LaeringsledelseApplication.class).run(
                "--server.port=0",
                "--laeringsledelse.store.embedded.port=0",
                "--laeringsledelse.store.embedded.data-dir=" + dataDir,
                "--laeringsledelse.node-id=previous-version-test",
                "--laeringsledelse.security.operators=" + TestApi.OPERATOR);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static void zip(Path folder, Path target) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target));
             Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    private static void unzip(InputStream zip, Path folder) throws IOException {
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = folder.resolve(entry.getName()).normalize();
                if (!file.startsWith(folder)) {
                    throw new IOException("zip entry outside the folder: " + entry.getName());
                }
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    in.transferTo(out);
                }
            }
        }
    }
}
