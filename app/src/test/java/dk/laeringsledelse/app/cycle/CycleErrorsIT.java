package dk.laeringsledelse.app.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.app.support.ApplicationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Bad input and broken rules come back as GraphQL errors with a code and the field, and store nothing. */
class CycleErrorsIT extends ApplicationTest {

    private String teamId;

    @BeforeEach
    void aTeamWithPia() {
        teamId = newTeam("pia.coordinator").teamId();
    }

    private HttpGraphQlTester team() {
        return graphQl("pia.coordinator");
    }

    @Test
    void aTooLongTitleIsRefusedNamingTheFieldAndNothingIsStored() {
        String team = teamId;
        Map<String, Object> input = new HashMap<>(startInput(team, "x".repeat(201)));
        ResponseError error = singleError(team().documentName("startLearningCycle").fragmentName("cycleFields").variable("input", input));
        assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST").containsEntry("field", "input.title");
        assertThat(error.getMessage()).contains("title").contains("200");
        team().documentName("learningCycles").variable("teamId", team).execute().errors().verify()
                .path("learningCycles.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aMissingRequiredFieldIsASchemaErrorWithBadRequest() {
        Map<String, Object> input = new HashMap<>(startInput(teamId, "Titel"));
        input.remove("title");
        ResponseError error = singleError(team().documentName("startLearningCycle").fragmentName("cycleFields").variable("input", input));
        assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST");
        assertThat(error.getMessage()).contains("title");
    }

    @Test
    void aMalformedDateIsABadRequest() {
        Map<String, Object> input = new HashMap<>(startInput(teamId, "Titel"));
        input.put("plannedPeriod", Map.of("start", "2026-13-45", "end", "2026-12-01"));
        ResponseError error = singleError(team().documentName("startLearningCycle").fragmentName("cycleFields").variable("input", input));
        assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST");
        assertThat(error.getMessage()).contains("2026-13-45");
    }

    @Test
    void anUnknownCycleIsRefusedLikeAnotherTeamsCycle() {
        ResponseError error = singleError(team().documentName("setLearningGoal").fragmentName("cycleFields").variable("input", Map.of(
                "cycleId", "no-such-cycle", "description", "Mål", "curriculumTheme", "social-udvikling",
                "targetGroup", Map.of("kind", "WHOLE_GROUP"), "expectedSigns", List.of("Tegn"))));
        assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN").containsEntry("field", "input.cycleId");
        assertThat(error.getMessage()).isEqualTo("you may not change learning cycle no-such-cycle: "
                + "only the educators and coordinators of its team may");
    }

    @Test
    void aThemeThatIsNotOneOfTheInstitutionKindsThemesIsRefusedAndNothingIsStored() {
        String cycleId = start();
        ResponseError error = singleError(team().documentName("setLearningGoal").fragmentName("cycleFields").variable("input", Map.of(
                "cycleId", cycleId, "description", "Mål", "curriculumTheme", "matematik",
                "targetGroup", Map.of("kind", "WHOLE_GROUP"), "expectedSigns", List.of("Tegn"))));
        assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")
                .containsEntry("field", "input.curriculumTheme");
        assertThat(error.getMessage()).startsWith("curriculumTheme must be one of the themes of DAYCARE institutions: ")
                .contains("social-udvikling");
        team().documentName("learningCycle").fragmentName("cycleFields").variable("id", cycleId).execute().errors().verify()
                .path("learningCycle.version").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aSignInTheFutureIsRefusedAndTheCycleIsUnchanged() {
        String cycleId = start();
        String goalId = team().documentName("setLearningGoal").fragmentName("cycleFields").variable("input", Map.of(
                        "cycleId", cycleId, "description", "Mål", "curriculumTheme", "social-udvikling",
                        "targetGroup", Map.of("kind", "WHOLE_GROUP"), "expectedSigns", List.of("Tegn")))
                .execute().errors().verify().path("setLearningGoal.goalId").entity(String.class).get();
        ResponseError error = singleError(team().documentName("documentSignOfLearning").fragmentName("cycleFields").variable("input", Map.of(
                "cycleId", cycleId, "goalId", goalId, "observedOn", TODAY.plusDays(1).toString(),
                "observation", "Noget", "evidenceKind", "OBSERVATION")));
        assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")
                .containsEntry("field", "input.observedOn");
        team().documentName("learningCycle").fragmentName("cycleFields").variable("id", cycleId).execute().errors().verify()
                .path("learningCycle.version").entity(Integer.class).isEqualTo(1)
                .path("learningCycle.counts.signs").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void anAbandonedCycleTakesNothingMore() {
        String cycleId = start();
        team().documentName("abandonLearningCycle").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId, "reason", "Teamet blev lagt sammen"))
                .execute().errors().verify()
                .path("abandonLearningCycle.cycle.phase").entity(String.class).isEqualTo("ABANDONED");
        ResponseError error = singleError(team().documentName("recordReflection").fragmentName("cycleFields").variable("input", Map.of(
                "cycleId", cycleId, "practiceLearnings", "L", "plannedAdjustments", "A")));
        assertThat(error.getExtensions()).containsEntry("code", "CONFLICT");
    }

    @Test
    void theSameIdempotencyKeyTwiceRecordsOnce() {
        String team = teamId;
        Map<String, Object> input = new HashMap<>(startInput(team, "Én gang"));
        input.put("idempotencyKey", "key-1");
        String first = team().documentName("startLearningCycle").fragmentName("cycleFields").variable("input", input).execute()
                .errors().verify().path("startLearningCycle.cycleId").entity(String.class).get();
        String second = team().documentName("startLearningCycle").fragmentName("cycleFields").variable("input", input).execute()
                .errors().verify().path("startLearningCycle.cycleId").entity(String.class).get();
        assertThat(second).isEqualTo(first);

        Map<String, Object> goal = Map.of("cycleId", first, "description", "Mål", "curriculumTheme", "social-udvikling",
                "targetGroup", Map.of("kind", "WHOLE_GROUP"), "expectedSigns", List.of("Tegn"),
                "idempotencyKey", "key-2");
        String goal1 = team().documentName("setLearningGoal").fragmentName("cycleFields").variable("input", goal).execute().errors().verify()
                .path("setLearningGoal.goalId").entity(String.class).get();
        String goal2 = team().documentName("setLearningGoal").fragmentName("cycleFields").variable("input", goal).execute().errors().verify()
                .path("setLearningGoal.cycle.counts.goals").entity(Integer.class).isEqualTo(1)
                .path("setLearningGoal.goalId").entity(String.class).get();
        assertThat(goal2).isEqualTo(goal1);
        team().documentName("learningCycles").variable("teamId", team).execute().errors().verify()
                .path("learningCycles.totalCount").entity(Integer.class).isEqualTo(1);
    }

    private String start() {
        return team().documentName("startLearningCycle").fragmentName("cycleFields").variable("input", startInput(teamId, "Forløb"))
                .execute().errors().verify().path("startLearningCycle.cycleId").entity(String.class).get();
    }

    private static ResponseError singleError(org.springframework.graphql.test.tester.GraphQlTester.Request<?> request) {
        List<ResponseError> errors = new java.util.ArrayList<>();
        request.execute().errors().satisfy(errors::addAll);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getMessage()).doesNotContain("Exception").doesNotContain("at dk.");
        return errors.get(0);
    }
}
