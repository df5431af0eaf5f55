package dk.laeringsledelse.command.measurement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.laeringsledelse.kernel.measurement.Indicators;
import dk.laeringsledelse.kernel.measurement.Round;
import dk.laeringsledelse.command.support.IdempotencyKeys;
import org.junit.jupiter.api.Test;

import static dk.laeringsledelse.command.measurement.MeasurementTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Snapshots store the aggregate as JSON (Axon's JacksonSerializer); its state must survive the round trip. */
class InstitutionMeasurementsSnapshotTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void givenTeamAndInstitutionFiguresAndKeys_whenSerializedAndRead_thenEqualState() throws Exception {
        InstitutionMeasurements measurements = new InstitutionMeasurements();
        measurements.on(recorded(Round.T1, T1_ON, "3.40"));
        measurements.idempotencyKeys().remember("person-1", "SomeCommand", KEY, "fingerprint", "id-1");
        measurements.on(recorded(Round.T2, T2_ON, "3.9"));
        measurements.on(recorded(null, Round.T1, T1_ON, Indicators.WELL_BEING, "4.2", 80));
        measurements.idempotencyKeys().remember("person-1", "SomeCommand", "key-2", "fingerprint", "id-1");
        measurements.on(corrected(Round.T1, T1_ON, "3.45", 23, "Rettet"));
        measurements.idempotencyKeys().remember("person-1", "SomeCommand", "key-3", "fingerprint", "id-1");

        String json = MAPPER.writeValueAsString(measurements);
        InstitutionMeasurements read = MAPPER.readValue(json, InstitutionMeasurements.class);

        assertThat(json).contains("|key-3\"", "\"2025-03-14\"", "\"WELL_BEING\"");
        assertThat(read).usingRecursiveComparison().isEqualTo(measurements);
        assertThat(read.idempotencyKeys().lookUp("person-1", "SomeCommand", "key-3"))
                .isEqualTo(new IdempotencyKeys.Seen("fingerprint", "id-1"));
    }
}
