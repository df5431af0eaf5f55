package dk.laeringsledelse.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.fail;

/**
 * Approved event JSON in {@code src/test/resources/approved/}, as the learning cycle's compatibility test uses it: a
 * missing file is written to {@code target/approved-candidates/} for review and the test fails.
 */
public final class ApprovedJson {

    /** Configured like Axon's JacksonSerializer in the application: modules found, dates as ISO strings. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ApprovedJson() {
    }

    public static String write(Object event) throws IOException {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(event);
    }

    /** The approved JSON as a tree, to compare with what an event serializes to. */
    public static JsonNode read(String name, String actual) throws IOException {
        return MAPPER.readTree(readText(name, actual));
    }

    /**
     * The approved JSON as text, to deserialize from: reading through a tree would turn {@code 3.40} into a double
     * and back into {@code 3.4}, a different BigDecimal by {@code equals}.
     */
    public static String readText(String name, String actual) throws IOException {
        try (InputStream in = ApprovedJson.class.getResourceAsStream("/approved/" + name + ".json")) {
            if (in == null) {
                Path candidate = Path.of("target", "approved-candidates", name + ".json");
                Files.createDirectories(candidate.getParent());
                Files.writeString(candidate, actual + "\n");
                return fail("No approved JSON for " + name + "; review and copy " + candidate.toAbsolutePath()
                        + " to src/test/resources/approved/");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
