package dk.laeringsledelse.kernel.module;

import dk.laeringsledelse.kernel.ApprovedJson;
import dk.laeringsledelse.kernel.cycle.FeedbackId;
import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.stream.Stream;

import static dk.laeringsledelse.kernel.ApprovedJson.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

/** Module answer events are stored as JSON forever: see the measurement and cycle compatibility tests. */
class ModuleEventJsonCompatibilityTest {

    private static final TeamId TEAM = TeamId.of("team-1");
    private static final ModuleId MODULE = Modules.TEAM_DATA_TO_PRACTICE;
    private static final ModuleAnswerId ANSWER = ModuleAnswerId.of(TEAM, MODULE);

    static Stream<ModuleAnswerEvent> samples() {
        return Stream.of(
                new ModuleAnswerSubmitted(ANSWER, TEAM, MODULE, 2,
                        "Vi har brugt sprogvurderingen til at vælge to fokusområder."),
                new ModuleFeedbackGiven(ANSWER, TEAM, MODULE, FeedbackId.of("feedback-1"), 1,
                        "Beskriv, hvordan I vil følge op på data ved T2."),
                new ModuleAnswerApproved(ANSWER, TEAM, MODULE, 2));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("samples")
    void eventSerializesToApprovedJson(ModuleAnswerEvent event) throws IOException {
        String actual = ApprovedJson.write(event);

        assertThat(MAPPER.readTree(actual)).isEqualTo(ApprovedJson.read(event.getClass().getSimpleName(), actual));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("samples")
    void approvedJsonDeserializesToEqualEvent(ModuleAnswerEvent event) throws IOException {
        String approved = ApprovedJson.readText(event.getClass().getSimpleName(), ApprovedJson.write(event));

        assertThat(MAPPER.readValue(approved, event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("samples")
    void everyEventHasRevisionOne(ModuleAnswerEvent event) {
        Revision revision = event.getClass().getAnnotation(Revision.class);
        assertThat(revision).as("@Revision on " + event.getClass().getSimpleName()).isNotNull();
        assertThat(revision.value()).isEqualTo("1");
    }
}
