package dk.laeringsledelse.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.app.support.ApplicationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.ResponseError;

/**
 * An educator may change only the cycles of their own teams: every mutation on another team's cycle is FORBIDDEN,
 * in exactly the words used for a cycle that does not exist (so nothing leaks), and records nothing.
 */
class ForeignCycleIT extends ApplicationTest {

    private static final String NO_CYCLE = "no-such-cycle";
    private static String foreignCycle;

    @BeforeEach
    void anotherTeamsCycle() {
        if (foreignCycle == null) {
            String team = newTeam("other.educator").teamId();
            foreignCycle = graphQl("other.educator").documentName("startLearningCycle").fragmentName("cycleFields")
                    .variable("input", startInput(team, "Andet teams forløb")).execute().errors().verify()
                    .path("startLearningCycle.cycleId").entity(String.class).get();
            newTeam("pia");
        }
    }

    static Stream<Arguments> mutations() {
        String today = TODAY.toString();
        return Stream.of(
                Arguments.of("setLearningGoal", Map.of("description", "M", "curriculumTheme", "t",
                        "targetGroup", Map.of("kind", "WHOLE_GROUP"), "expectedSigns", List.of("s"))),
                Arguments.of("reviseLearningGoal", Map.of("goalId", "g", "description", "M2", "reason", "r")),
                Arguments.of("planActivity", Map.of("goalIds", List.of("g"), "description", "A", "plannedDate", today)),
                Arguments.of("recordActivityCarriedOut", Map.of("activityId", "a", "carriedOutOn", today)),
                Arguments.of("cancelActivity", Map.of("activityId", "a", "reason", "r")),
                Arguments.of("documentSignOfLearning", Map.of("goalId", "g", "observedOn", today,
                        "observation", "o", "evidenceKind", "OBSERVATION")),
                Arguments.of("assessGoalAttainment", Map.of("goalId", "g", "attainment", "NOT_YET",
                        "rationale", "r", "signIds", List.of())),
                Arguments.of("giveFeedback", Map.of("aboutKind", "CYCLE", "authorRole", "LEADER", "text", "t")),
                Arguments.of("respondToFeedback", Map.of("feedbackId", "f", "text", "t")),
                Arguments.of("recordReflection", Map.of("practiceLearnings", "p", "plannedAdjustments", "a")),
                Arguments.of("completeLearningCycle", Map.of("summary", "s", "nextSteps", "n")),
                Arguments.of("abandonLearningCycle", Map.of("reason", "r")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void aMutationOnAnotherTeamsCycleIsRefusedAsIfItDidNotExist(String mutation, Map<String, Object> fields) {
        ResponseError foreign = refusal(mutation, fields, foreignCycle);
        ResponseError unknown = refusal(mutation, fields, NO_CYCLE);
        assertThat(foreign.getExtensions()).containsEntry("code", "FORBIDDEN");
        assertThat(foreign.getMessage()).isEqualTo(unknown.getMessage().replace(NO_CYCLE, foreignCycle))
                .doesNotContain("Exception");
        assertThat(foreign.getExtensions()).isEqualTo(unknown.getExtensions());

        graphQl("pia").documentName("learningCycle").fragmentName("cycleFields").variable("id", foreignCycle)
                .execute().errors().verify().path("learningCycle").valueIsNull();
        graphQl("other.educator").documentName("learningCycle").fragmentName("cycleFields").variable("id", foreignCycle)
                .execute().errors().verify().path("learningCycle.version").entity(Long.class).isEqualTo(0L);
    }

    private ResponseError refusal(String mutation, Map<String, Object> fields, String cycleId) {
        Map<String, Object> input = new java.util.HashMap<>(fields);
        input.put("cycleId", cycleId);
        List<ResponseError> errors = new ArrayList<>();
        graphQl("pia").documentName(mutation).fragmentName("cycleFields").variable("input", input).execute()
                .errors().satisfy(errors::addAll);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }
}
