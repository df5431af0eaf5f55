package dk.laeringsledelse.kernel.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Events are stored as JSON forever: each event's JSON must stay what was approved, and approved JSON must still
 * read back into an equal event. A changed shape needs a new revision and an upcaster, not a new approved file.
 * A missing approved file is written to target/approved-candidates/ for review.
 */
class EventJsonCompatibilityTest {

    private static final CycleId CYCLE = CycleId.of("cycle-1");
    private static final TeamId TEAM = TeamId.of("team-1");
    private static final GoalId GOAL = GoalId.of("goal-1");
    private static final GoalId OTHER_GOAL = GoalId.of("goal-2");
    private static final ActivityId ACTIVITY = ActivityId.of("activity-1");
    private static final SignId SIGN = SignId.of("sign-1");
    private static final AssessmentId ASSESSMENT = AssessmentId.of("assessment-1");
    private static final FeedbackId FEEDBACK = FeedbackId.of("feedback-1");
    private static final ChildId CHILD_A = ChildId.of("child-7f3a");
    private static final ChildId CHILD_B = ChildId.of("child-91bc");

    /** Configured like Axon's JacksonSerializer in the application: modules found, dates as ISO strings. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static Stream<LearningCycleEvent> samples() {
        return Stream.of(
                new LearningCycleStarted(CYCLE, TEAM, "Sprog i hverdagen",
                        new PlannedPeriod(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 19)),
                        new DataBasis("Sprogvurderingen viser, at en tredjedel af børnene har et lille ordforråd.",
                                "Sprogvurdering 3-årige, profilanalyse T1 2025")),
                new LearningGoalSet(CYCLE, TEAM, GOAL, "Børnene udvider deres ordforråd om naturen.",
                        "kommunikation-og-sprog",
                        new TargetGroup(TargetGroupKind.INDIVIDUAL_CHILDREN, "Børn med lille ordforråd",
                                List.of(CHILD_A, CHILD_B)),
                        List.of("Bruger nye ord om det, de finder i skoven", "Spørger til ords betydning"),
                        "Billedstøtte til børn, der endnu ikke taler i sætninger"),
                new LearningGoalRevised(CYCLE, TEAM, GOAL, null,
                        List.of("Bruger mindst tre nye naturord", "Spørger til ords betydning"),
                        "Første tegn var for vage at vurdere"),
                new ActivityPlanned(CYCLE, TEAM, ACTIVITY, List.of(GOAL, OTHER_GOAL), "Ordjagt i skoven",
                        "Grupper á fire børn med en voksen", LocalDate.of(2025, 9, 15), null),
                new ActivityCarriedOut(CYCLE, TEAM, ACTIVITY, LocalDate.of(2025, 9, 16), "Regn; flyttet en dag"),
                new ActivityCancelled(CYCLE, TEAM, ACTIVITY, "Personalemangel"),
                new SignOfLearningDocumented(CYCLE, TEAM, SIGN, GOAL, ACTIVITY, LocalDate.of(2025, 9, 16),
                        "Barnet sagde 'bregne' og pegede", 0, EvidenceKind.OBSERVATION, List.of(CHILD_A)),
                new GoalAttainmentAssessed(CYCLE, TEAM, ASSESSMENT, GOAL, Attainment.PARTLY,
                        "Halvdelen af børnene bruger nye ord", List.of(SIGN)),
                new FeedbackGiven(CYCLE, TEAM, FEEDBACK, FeedbackAbout.goal(GOAL), AuthorRole.RESOURCE_PERSON,
                        "Overvej at gøre tegnene mere konkrete"),
                new FeedbackGiven(CYCLE, TEAM, FeedbackId.of("feedback-2"), FeedbackAbout.cycle(), AuthorRole.LEADER,
                        "Godt forløb"),
                new FeedbackResponded(CYCLE, TEAM, FEEDBACK, "Tak, vi har revideret tegnene"),
                new ReflectionRecorded(CYCLE, TEAM, ReflectionId.of("reflection-1"),
                        "Små grupper giver flere samtaler", "Vi planlægger flere aktiviteter i små grupper"),
                new LearningCycleCompleted(CYCLE, TEAM, "Målet er delvist nået", "Fortsæt med naturord i foråret"),
                new LearningCycleAbandoned(CYCLE, TEAM, "Teamet er lagt sammen med et andet"));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("samples")
    void eventSerializesToApprovedJson(LearningCycleEvent event) throws IOException {
        String actual = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(event);
        JsonNode approved = readApproved(approvedName(event), actual);

        assertThat(MAPPER.readTree(actual)).isEqualTo(approved);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("samples")
    void approvedJsonDeserializesToEqualEvent(LearningCycleEvent event) throws IOException {
        JsonNode approved = readApproved(approvedName(event),
                MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(event));

        assertThat(MAPPER.treeToValue(approved, event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("samples")
    void everyEventHasRevisionOne(LearningCycleEvent event) {
        Revision revision = event.getClass().getAnnotation(Revision.class);
        assertThat(revision).as("@Revision on " + event.getClass().getSimpleName()).isNotNull();
        assertThat(revision.value()).isEqualTo("1");
    }

    /** Two samples of FeedbackGiven: about a goal (the main file) and about the cycle (suffix -cycle). */
    private static String approvedName(LearningCycleEvent event) {
        String name = event.getClass().getSimpleName();
        if (event instanceof FeedbackGiven given && given.about().kind() == FeedbackAboutKind.CYCLE) {
            return name + "-cycle";
        }
        return name;
    }

    private static JsonNode readApproved(String name, String actual) throws IOException {
        try (InputStream in = EventJsonCompatibilityTest.class.getResourceAsStream("/approved/" + name + ".json")) {
            if (in == null) {
                Path candidate = Path.of("target", "approved-candidates", name + ".json");
                Files.createDirectories(candidate.getParent());
                Files.writeString(candidate, actual + "\n");
                return fail("No approved JSON for " + name + "; review and copy " + candidate.toAbsolutePath()
                        + " to src/test/resources/approved/");
            }
            return MAPPER.readTree(in);
        }
    }
}
