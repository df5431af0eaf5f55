package dk.laeringsledelse.kernel.measurement;

import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.ApprovedJson;
import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;

import static dk.laeringsledelse.kernel.ApprovedJson.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measurement events are stored as JSON forever: each event's JSON must stay what was approved, and approved JSON
 * must still read back into an equal event. A changed shape needs a new revision and an upcaster.
 */
class MeasurementEventJsonCompatibilityTest {

    private static final InstitutionId INSTITUTION = InstitutionId.of("institution-1");
    private static final TeamId TEAM = TeamId.of("team-1");

    static Stream<MeasurementEvent> samples() {
        return Stream.of(
                new MeasurementRecorded(INSTITUTION, TEAM, Round.T1, LocalDate.of(2025, 3, 14), Indicators.LANGUAGE,
                        new BigDecimal("3.40"), new BigDecimal("1"), new BigDecimal("5"), 22),
                new MeasurementRecorded(INSTITUTION, null, Round.T2, LocalDate.of(2026, 3, 13),
                        Indicators.TRUST_IN_INSTITUTION, new BigDecimal("78.5"), new BigDecimal("0"),
                        new BigDecimal("100"), 64),
                new MeasurementCorrected(INSTITUTION, TEAM, Round.T1, LocalDate.of(2025, 3, 14), Indicators.LANGUAGE,
                        new BigDecimal("3.45"), new BigDecimal("1"), new BigDecimal("5"), 23,
                        "Et skema var talt med to gange"));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("samples")
    void eventSerializesToApprovedJson(MeasurementEvent event) throws IOException {
        String actual = ApprovedJson.write(event);

        assertThat(MAPPER.readTree(actual)).isEqualTo(ApprovedJson.read(approvedName(event), actual));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("samples")
    void approvedJsonDeserializesToEqualEvent(MeasurementEvent event) throws IOException {
        String approved = ApprovedJson.readText(approvedName(event), ApprovedJson.write(event));

        assertThat(MAPPER.readValue(approved, event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("samples")
    void everyEventHasRevisionOne(MeasurementEvent event) {
        Revision revision = event.getClass().getAnnotation(Revision.class);
        assertThat(revision).as("@Revision on " + event.getClass().getSimpleName()).isNotNull();
        assertThat(revision.value()).isEqualTo("1");
    }

    @Test
    void decimalsKeepTheirNotation() throws IOException {
        var recorded = (MeasurementRecorded) samples().findFirst().orElseThrow();

        assertThat(ApprovedJson.write(recorded)).contains("\"value\" : 3.40");
    }

    /** Two samples of MeasurementRecorded: a team's (the main file) and the institution's (suffix -institution). */
    private static String approvedName(MeasurementEvent event) {
        String name = event.getClass().getSimpleName();
        return event.teamId() == null ? name + "-institution" : name;
    }
}
