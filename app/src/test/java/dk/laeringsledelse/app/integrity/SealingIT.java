package dk.laeringsledelse.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.app.LaeringsledelseApplication;
import dk.laeringsledelse.app.support.TestApi;
import dk.laeringsledelse.eventstore.integrity.IntegrityReport;
import dk.laeringsledelse.eventstore.integrity.IntegrityVerifier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application seals what it records on its own, on the embedded store, and the chain verifies. Its own
 * application on its own data folder (as {@code RestartIT}): the short intervals would otherwise make a second
 * test context on the data folder the shared one holds.
 */
class SealingIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

    @TempDir
    Path dataDir;

    @Test
    void recordedStepsAreSealedAndVerify() throws InterruptedException {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LaeringsledelseApplication.class).run(
                "--server.port=0",
                "--laeringsledelse.store.embedded.port=0",
                "--laeringsledelse.store.embedded.data-dir=" + dataDir,
                "--laeringsledelse.node-id=sealing-test",
                "--laeringsledelse.integrity.seal-interval=200ms",
                "--laeringsledelse.event-store.gap-timeout=1s",
                "--laeringsledelse.security.operators=" + TestApi.OPERATOR)) {
            TestApi api = new TestApi(((WebServerApplicationContext) app).getWebServer().getPort());
            String teamId = api.newTeam("pia").teamId();
            String cycleId = api.graphQl("pia").documentName("startLearningCycle").fragmentName("cycleFields")
                    .variable("input", Map.of("teamId", teamId, "title", "Forsegling",
                            "plannedPeriod", Map.of("start", TODAY.minusDays(5).toString(), "end", TODAY.toString()),
                            "dataBasis", Map.of("findings", "F", "sources", "S")))
                    .execute().errors().verify().path("startLearningCycle.cycleId").entity(String.class).get();
            IntegrityVerifier verifier = app.getBean(IntegrityVerifier.class);

            IntegrityReport report = verifier.verifyAll();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (report.unsealedPositions() > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                report = verifier.verifyAll();
            }

            assertThat(report.ok()).as(report.breaks().toString()).isTrue();
            assertThat(report.unsealedPositions()).isZero();
            assertThat(report.latestSeal().number()).isPositive();
            assertThat(verifier.verifyAggregate(cycleId).ok()).isTrue();
            assertThat(verifier.verifyAggregate(cycleId).eventsSealed()).isEqualTo(1);
        }
    }
}
