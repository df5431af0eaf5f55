package dk.laeringsledelse.app.storedform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.laeringsledelse.app.support.ApplicationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * What the application itself writes into the store, pinned: every event type, the event metadata and the processor
 * tokens, as the application's own Axon serializers write them, must equal the approved files in
 * {@code src/test/resources/stored-form/} byte for byte, and read back. Stored events are immutable and hash-chained,
 * so a silent change of the JSON mapper (say, dates as arrays after a framework upgrade) must fail here. A missing
 * approved file is written to {@code target/stored-form-candidates/} for review and the test fails.
 */
class StoredFormIT extends ApplicationTest {

    private static final String KERNEL = "dk.laeringsledelse.kernel";

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;

    /** The general serializer: processor tokens (the token store) and aggregate snapshots. */
    @Autowired
    Serializer serializer;

    static List<Object> events() {
        return EventSamples.all();
    }

    @Test
    void everyEventTypeOfTheSharedKernelHasASample() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        Set<String> eventTypes = scanner.findCandidateComponents(KERNEL).stream()
                .map(BeanDefinition::getBeanClassName)
                .collect(Collectors.toSet());
        Set<String> sampled = events().stream().map(event -> event.getClass().getName()).collect(Collectors.toSet());

        assertThat(eventTypes).hasSizeGreaterThan(30);
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(eventTypes);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("events")
    void eventIsStoredInItsApprovedForm(Object event) throws IOException {
        SerializedObject<String> stored = eventSerializer.serialize(event, String.class);

        assertThat(stored.getType().getName()).isEqualTo(event.getClass().getName());
        assertThat(stored.getType().getRevision()).isEqualTo(event.getClass().getAnnotation(Revision.class).value());
        assertThat(stored.getData()).isEqualTo(approved(ClassUtils.getShortName(event.getClass()), stored.getData()));
        // the same mapper serves messages and snapshots
        assertThat(messageSerializer.serialize(event, String.class).getData()).isEqualTo(stored.getData());
        assertThat(serializer.serialize(event, String.class).getData()).isEqualTo(stored.getData());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("events")
    void approvedFormReadsBackIntoAnEqualEvent(Object event) throws IOException {
        String name = ClassUtils.getShortName(event.getClass());
        String data = approved(name, eventSerializer.serialize(event, String.class).getData());
        String revision = event.getClass().getAnnotation(Revision.class).value();

        assertThat((Object) eventSerializer.deserialize(
                new SimpleSerializedObject<>(data, String.class, event.getClass().getName(), revision)))
                .isEqualTo(event);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("events")
    void aPropertyTheEventDoesNotKnowIsIgnored(Object event) {
        String data = eventSerializer.serialize(event, String.class).getData();
        String withUnknown = "{\"addedByALaterVersion\":\"x\"," + data.substring(1);
        String revision = event.getClass().getAnnotation(Revision.class).value();

        assertThat((Object) eventSerializer.deserialize(
                new SimpleSerializedObject<>(withUnknown, String.class, event.getClass().getName(), revision)))
                .isEqualTo(event);
    }

    @Test
    void eventMetaDataIsStoredInItsApprovedForm() throws IOException {
        MetaData metaData = MetaData.from(Map.of("actor", "person-1", "actorRole", "EDUCATOR",
                "traceId", "trace-1", "correlationId", "correlation-1"));
        String data = eventSerializer.serialize(metaData, String.class).getData();

        // compared as JSON: the order of the entries follows the map they came from
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(data)).isEqualTo(json.readTree(approved("MetaData", data)));
    }

    static Stream<Object> tokens() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(1234, List.of(1230L, 1232L));
        return Stream.of(token, ReplayToken.createReplayToken(token, GapAwareTrackingToken.newInstance(-1, List.of())));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("tokens")
    void processorTokenIsStoredInItsApprovedFormAndReadsBack(Object token) throws IOException {
        SerializedObject<String> stored = serializer.serialize(token, String.class);

        assertThat(stored.getData()).isEqualTo(approved(ClassUtils.getShortName(token.getClass()), stored.getData()));
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(token);
    }

    private static String approved(String name, String actual) throws IOException {
        try (InputStream in = StoredFormIT.class.getResourceAsStream("/stored-form/" + name + ".json")) {
            if (in == null) {
                Path candidate = Path.of("target", "stored-form-candidates", name + ".json");
                Files.createDirectories(candidate.getParent());
                Files.writeString(candidate, actual);
                return fail("No approved stored form for " + name + "; review and copy " + candidate.toAbsolutePath()
                        + " to src/test/resources/stored-form/");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
