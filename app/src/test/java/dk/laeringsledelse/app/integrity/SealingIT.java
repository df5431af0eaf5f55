package dk.laeringsledelse.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.app.support.ApplicationTest;
import dk.laeringsledelse.eventstore.integrity.IntegrityReport;
import dk.laeringsledelse.eventstore.integrity.IntegrityVerifier;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The application seals what it records on its own, on the embedded store, and the chain verifies. */
@TestPropertySource(properties = {
        "laeringsledelse.integrity.seal-interval=200ms",
        "laeringsledelse.event-store.gap-timeout=1s"})
class SealingIT extends ApplicationTest {

    @Autowired
    IntegrityVerifier verifier;

    @Test
    void recordedStepsAreSealedAndVerify() throws InterruptedException {
        String cycleId = graphQl("pia").documentName("startLearningCycle").fragmentName("cycleFields")
                .variable("input", startInput(unique("team"), "Forsegling"))
                .execute().errors().verify().path("startLearningCycle.cycleId").entity(String.class).get();

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
        assertThat(verifier.verifyAggregate(cycleId).eventsVerified()).isEqualTo(1);
    }
}
