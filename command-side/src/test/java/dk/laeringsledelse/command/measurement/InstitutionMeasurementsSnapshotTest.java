package dk.laeringsledelse.command.measurement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.laeringsledelse.kernel.measurement.Indicators;
import dk.laeringsledelse.kernel.measurement.Round;
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
        measurements.on(recorded(Round.T1, T1_ON, "3.40"), KEY);
        measurements.on(recorded(Round.T2, T2_ON, "3.9"), null);
        measurements.on(recorded(null, Round.T1, T1_ON, Indicators.WELL_BEING, "4.2", 80), "key-2");
        measurements.on(corrected(Round.T1, T1_ON, "3.45", 23, "Rettet"), "key-3");

        String json = MAPPER.writeValueAsString(measurements);
        InstitutionMeasurements read = MAPPER.readValue(json, InstitutionMeasurements.class);

        assertThat(json).contains("\"solsikken\"", "\"key-3\"", "\"2025-03-14\"", "\"WELL_BEING\"");
        assertThat(read).usingRecursiveComparison().isEqualTo(measurements);
    }
}
