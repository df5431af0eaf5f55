package dk.laeringsledelse.eventstore.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.serialization.json.JacksonSerializer;

/** Serializers configured as the application configures them. */
public final class TestSerializers {

    private TestSerializers() {
    }

    /**
     * Axon's JacksonSerializer over an ObjectMapper with all modules found (java.time among them). Dates are
     * written as ISO strings: as numbers, an Instant's nanoseconds would not survive the store's JSON-to-BSON
     * conversion (decimal numbers become doubles).
     */
    public static JacksonSerializer jackson() {
        ObjectMapper mapper = new ObjectMapper()
                .findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}
