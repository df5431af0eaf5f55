package dk.laeringsledelse.app.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.app.support.ApplicationTest;
import dk.laeringsledelse.app.support.TestApi.TestTeam;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A day-care team walks through one whole learning cycle over GraphQL: start, two goals, three activities, signs of
 * learning, the resource person's feedback and the team's response, assessments, a reflection and completion.
 */
class TeamCycleScenarioIT extends ApplicationTest {

    @Test
    void aDaycareTeamRunsAWholeLearningCycle() {
        HttpGraphQlTester pia = graphQl("pia.coordinator");
        HttpGraphQlTester consultant = graphQl("ole.ppr");
        TestTeam solsikken = newTeam("pia.coordinator");
        assign("ole.ppr", "RESOURCE_PERSON", solsikken);
        String team = solsikken.teamId();

        String cycleId = pia.documentName("startLearningCycle").fragmentName("cycleFields")
                .variable("input", startInput(team, "Sprog i hverdagen"))
                .execute().errors().verify()
                .path("startLearningCycle.cycle.phase").entity(String.class).isEqualTo("PLANNING")
                .path("startLearningCycle.cycle.startedBy").entity(String.class).isEqualTo("pia.coordinator")
                .path("startLearningCycle.cycleId").entity(String.class).get();

        String language = setGoal(pia, cycleId, "Børnene udvider deres ordforråd", "kommunikation-og-sprog",
                List.of("Barnet bruger nye ord i leg", "Barnet spørger til ords betydning"));
        String social = setGoal(pia, cycleId, "Børnene hjælper hinanden", "social-udvikling",
                List.of("Barnet tilbyder hjælp"));

        String reading = plan(pia, cycleId, List.of(language), "Dialogisk læsning i små grupper");
        String song = plan(pia, cycleId, List.of(language, social), "Sangleg med fagter");
        String trip = plan(pia, cycleId, List.of(social), "Tur til biblioteket");

        pia.documentName("recordActivityCarriedOut").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId, "activityId", reading,
                        "carriedOutOn", TODAY.minusDays(20).toString(), "notes", "Gik godt"))
                .execute().errors().verify()
                .path("recordActivityCarriedOut.cycle.phase").entity(String.class).isEqualTo("ACTING");
        pia.documentName("recordActivityCarriedOut").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId, "activityId", song,
                        "carriedOutOn", TODAY.minusDays(15).toString()))
                .execute().errors().verify();
        pia.documentName("cancelActivity").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId, "activityId", trip, "reason", "Biblioteket lukket"))
                .execute().errors().verify()
                .path("cancelActivity.cycle.counts.activitiesCancelled").entity(Integer.class).isEqualTo(1);

        String sign1 = document(pia, cycleId, language, reading, 0);
        String sign2 = document(pia, cycleId, language, song, 1);
        String sign3 = document(pia, cycleId, social, song, 0);

        String feedbackId = consultant.documentName("giveFeedback").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId, "aboutKind", "GOAL", "aboutId", language,
                        "authorRole", "RESOURCE_PERSON", "text", "Overvej at tælle nye ord over tid"))
                .execute().errors().verify()
                .path("giveFeedback.cycle.counts.feedbackUnanswered").entity(Integer.class).isEqualTo(1)
                .path("giveFeedback.feedbackId").entity(String.class).get();
        pia.documentName("respondToFeedback").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId, "feedbackId", feedbackId,
                        "text", "Vi laver en ordliste pr. uge"))
                .execute().errors().verify()
                .path("respondToFeedback.cycle.feedback[0].response.by").entity(String.class).isEqualTo("pia.coordinator")
                .path("respondToFeedback.cycle.counts.feedbackUnanswered").entity(Integer.class).isEqualTo(0);

        assess(pia, cycleId, language, "ACHIEVED", List.of(sign1, sign2))
                .path("assessGoalAttainment.cycle.phase").entity(String.class).isEqualTo("EVALUATING");
        assess(pia, cycleId, social, "PARTLY", List.of(sign3));

        pia.documentName("recordReflection").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId,
                        "practiceLearnings", "Små grupper giver flere samtaler",
                        "plannedAdjustments", "Flere sangleg i næste forløb"))
                .execute().errors().verify();

        GraphQlTester.Response completed = pia.documentName("completeLearningCycle").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId, "summary", "Sprogmålet nået, det sociale delvist",
                        "nextSteps", "Fortsæt med det sociale mål"))
                .execute();
        completed.errors().verify()
                .path("completeLearningCycle.cycle.phase").entity(String.class).isEqualTo("COMPLETED")
                .path("completeLearningCycle.cycle.phaseHistory[*].phase").entityList(String.class)
                .containsExactly("PLANNING", "ACTING", "EVALUATING", "COMPLETED")
                .path("completeLearningCycle.cycle.counts").entity(Map.class).satisfies(counts -> assertThat(counts)
                        .containsEntry("goals", 2).containsEntry("goalsAssessed", 2)
                        .containsEntry("goalsAchieved", 1).containsEntry("goalsPartly", 1)
                        .containsEntry("activities", 3).containsEntry("activitiesCarriedOut", 2)
                        .containsEntry("activitiesCancelled", 1).containsEntry("signs", 3)
                        .containsEntry("feedback", 1).containsEntry("feedbackUnanswered", 0)
                        .containsEntry("reflections", 1))
                .path("completeLearningCycle.cycle.signs[1].matchedExpectedSignText").entity(String.class)
                .isEqualTo("Barnet spørger til ords betydning")
                .path("completeLearningCycle.cycle.goals[0].currentAttainment").entity(String.class).isEqualTo("ACHIEVED");

        // the query reads the same as the last payload
        pia.documentName("learningCycle").fragmentName("cycleFields").variable("id", cycleId).execute().errors().verify()
                .path("learningCycle.phase").entity(String.class).isEqualTo("COMPLETED")
                .path("learningCycle.version").entity(Integer.class).isEqualTo(17);
        pia.documentName("learningCycles").variable("teamId", team).execute().errors().verify()
                .path("learningCycles.totalCount").entity(Integer.class).isEqualTo(1)
                .path("learningCycles.edges[0].node.phase").entity(String.class).isEqualTo("COMPLETED");

        // the team's timeline: every step, in the order recorded, with who did it
        pia.documentName("teamTimeline").variable("teamId", team).variable("first", 10).execute().errors().verify()
                .path("teamTimeline.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        pia.documentName("teamTimeline").variable("teamId", team).variable("first", 50).execute().errors().verify()
                .path("teamTimeline.edges[*].node.kind").entityList(String.class).containsExactly(
                        "CYCLE_STARTED", "GOAL_SET", "GOAL_SET", "ACTIVITY_PLANNED", "ACTIVITY_PLANNED",
                        "ACTIVITY_PLANNED", "ACTIVITY_CARRIED_OUT", "ACTIVITY_CARRIED_OUT", "ACTIVITY_CANCELLED",
                        "SIGN_DOCUMENTED", "SIGN_DOCUMENTED", "SIGN_DOCUMENTED", "FEEDBACK_GIVEN",
                        "FEEDBACK_RESPONDED", "GOAL_ASSESSED", "GOAL_ASSESSED", "REFLECTION_RECORDED",
                        "CYCLE_COMPLETED")
                .path("teamTimeline.edges[12].node.actor").entity(String.class).isEqualTo("ole.ppr")
                .path("teamTimeline.edges[12].node.feedbackId").entity(String.class).isEqualTo(feedbackId)
                .path("teamTimeline.edges[9].node.signId").entity(String.class).isEqualTo(sign1)
                .path("teamTimeline.edges[*].node.cycleId").entityList(String.class)
                .satisfies(ids -> assertThat(ids).hasSize(18).containsOnly(cycleId));
    }

    private static String setGoal(HttpGraphQlTester tester, String cycleId, String description, String theme,
                                  List<String> expectedSigns) {
        return tester.documentName("setLearningGoal").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId, "description", description, "curriculumTheme", theme,
                        "targetGroup", Map.of("kind", "WHOLE_GROUP"), "expectedSigns", expectedSigns))
                .execute().errors().verify()
                .path("setLearningGoal.goalId").entity(String.class).get();
    }

    private static String plan(HttpGraphQlTester tester, String cycleId, List<String> goalIds, String description) {
        return tester.documentName("planActivity").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId, "goalIds", goalIds, "description", description,
                        "plannedDate", TODAY.minusDays(25).toString()))
                .execute().errors().verify()
                .path("planActivity.activityId").entity(String.class).get();
    }

    private static String document(HttpGraphQlTester tester, String cycleId, String goalId, String activityId,
                                   int matchedExpectedSign) {
        return tester.documentName("documentSignOfLearning").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId, "goalId", goalId, "activityId", activityId,
                        "observedOn", TODAY.minusDays(10).toString(), "observation", "Barn A7 brugte ordet 'kæmpestor'",
                        "matchedExpectedSign", matchedExpectedSign, "evidenceKind", "OBSERVATION",
                        "childIds", List.of("child-a7")))
                .execute().errors().verify()
                .path("documentSignOfLearning.signId").entity(String.class).get();
    }

    private static GraphQlTester.Response assess(HttpGraphQlTester tester, String cycleId, String goalId,
                                                 String attainment, List<String> signIds) {
        GraphQlTester.Response response = tester.documentName("assessGoalAttainment").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId, "goalId", goalId, "attainment", attainment,
                        "rationale", "Tegnene viser det", "signIds", signIds))
                .execute();
        response.errors().verify();
        return response;
    }
}
