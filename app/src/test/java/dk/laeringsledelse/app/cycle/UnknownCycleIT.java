package dk.laeringsledelse.app.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.app.support.ApplicationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.ResponseError;

/** Every mutation on a cycle that does not exist answers NOT_FOUND and records nothing. */
class UnknownCycleIT extends ApplicationTest {

    private static final String NO_CYCLE = "no-such-cycle";

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
                Arguments.of("giveFeedback", Map.of("aboutKind", "CYCLE", "authorRole", "PEER", "text", "t")),
                Arguments.of("respondToFeedback", Map.of("feedbackId", "f", "text", "t")),
                Arguments.of("recordReflection", Map.of("practiceLearnings", "p", "plannedAdjustments", "a")),
                Arguments.of("completeLearningCycle", Map.of("summary", "s", "nextSteps", "n")),
                Arguments.of("abandonLearningCycle", Map.of("reason", "r")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void aMutationOnAnUnknownCycleIsNotFound(String mutation, Map<String, Object> fields) {
        Map<String, Object> input = new java.util.HashMap<>(fields);
        input.put("cycleId", NO_CYCLE);
        List<ResponseError> errors = new ArrayList<>();
        graphQl("pia").documentName(mutation).fragmentName("cycleFields").variable("input", input).execute().errors().satisfy(errors::addAll);
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND");
            assertThat(error.getMessage()).doesNotContain("Exception");
        });
        graphQl("pia").documentName("learningCycle").fragmentName("cycleFields").variable("id", NO_CYCLE).execute().errors().verify()
                .path("learningCycle").valueIsNull();
    }
}
