package dk.laeringsledelse.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.app.support.ApplicationTest;
import dk.laeringsledelse.app.support.TestApi.TestTeam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The dashboards end to end over HTTP. One institution with two teams: Spiren documents signs, Myren does not; a
 * survey export with T1, T2 and T3 for both teams is imported; a resource person follows Spiren.
 */
class DashboardIT extends ApplicationTest {

    private static final String MODULE = "TEAM_DATA_TO_PRACTICE";
    private static final String LANGUAGE = "institutionOverview.figures.measurements[?(@.indicator == 'LANGUAGE')]";
    private static final String WELL_BEING =
            "institutionOverview.figures.measurements[?(@.indicator == 'WELL_BEING')]";

    private static TestTeam spiren;
    private static TestTeam myren;
    private static String educator;
    private static String leader;
    private static String resourcePerson;
    private static String auditor;
    private static String cycleId;
    private static String goalId;

    @BeforeEach
    void anInstitutionWhereOneTeamDocumentsSigns() {
        if (spiren != null) {
            return;
        }
        educator = unique("edu");
        leader = unique("leader");
        resourcePerson = unique("rp");
        auditor = unique("aud");
        spiren = newTeam(educator);
        myren = api().addTeam(spiren.municipalityId(), spiren.institutionId());
        assign(leader, "LEADER", spiren);
        assign(resourcePerson, "RESOURCE_PERSON", spiren);
        assign(auditor, "AUDITOR", spiren);
        cycleId = graphQl(educator).document("mutation($i: StartLearningCycleInput!) { startLearningCycle(input: $i) "
                        + "{ cycleId } }").variable("i", startInput(spiren.teamId(), "Sprog i hverdagen"))
                .execute().errors().verify().path("startLearningCycle.cycleId").entity(String.class).get();
        goalId = graphQl(educator).document("mutation($i: SetLearningGoalInput!) { setLearningGoal(input: $i) "
                        + "{ goalId } }").variable("i", Map.of("cycleId", cycleId,
                        "description", "Børnene udvider deres ordforråd", "curriculumTheme", "kommunikation-og-sprog",
                        "targetGroup", Map.of("kind", "WHOLE_GROUP"), "expectedSigns", List.of("Bruger nye ord")))
                .execute().errors().verify().path("setLearningGoal.goalId").entity(String.class).get();
        documentSign(educator, cycleId, goalId);
        String csv = """
                institution,team,round,measuredOn,indicator,value,scaleMin,scaleMax,n
                %1$s,%2$s,T1,%4$s,LANGUAGE,2.0,1,5,10
                %1$s,%2$s,T2,%5$s,language,2.6,1,5,10
                %1$s,%2$s,T3,%6$s,LANGUAGE,3.1,1,5,10
                %1$s,%3$s,T1,%4$s,LANGUAGE,3.0,1,5,30
                %1$s,%3$s,T2,%5$s,LANGUAGE,3.0,1,5,30
                %1$s,%3$s,T3,%6$s,LANGUAGE,3.2,1,5,30
                %1$s,,T1,%4$s,WELL_BEING,70,0,100,40
                %1$s,,T2,%5$s,WELL_BEING,75,0,100,40
                """.formatted(spiren.institutionId(), spiren.teamId(), myren.teamId(), TODAY.minusDays(300),
                TODAY.minusDays(150), TODAY.minusDays(10));
        graphQl(leader).documentName("importMeasurements").variable("input", Map.of("csv", csv))
                .execute().errors().verify().path("importMeasurements.rows").entity(Integer.class).isEqualTo(8);
    }

    @Test
    void aLeaderSeesInOneQueryWhichTeamsDocumentSignsAndHowIndicatorsMovedFromT1ToT3() {
        GraphQlTester.Traversable overview = graphQl(leader).documentName("institutionOverview")
                .fragmentName("institutionFigures").variable("institutionId", spiren.institutionId())
                .execute().errors().verify();

        overview.path("institutionOverview.quietDays").entity(Integer.class).isEqualTo(14);
        overview.path("institutionOverview.figures.teams").entity(Integer.class).isEqualTo(2);
        overview.path("institutionOverview.figures.teamsDocumentingSigns").entity(Integer.class).isEqualTo(1);
        overview.path("institutionOverview.figures.signs").entity(Integer.class).isEqualTo(1);
        overview.path("institutionOverview.quietTeams[*].teamId").entityList(String.class)
                .containsExactly(myren.teamId());
        overview.path("institutionOverview.teams[*].teamId").entityList(String.class)
                .containsExactly(spiren.teamId(), myren.teamId());

        // the institution's own series: LANGUAGE derived from the teams (n-weighted), WELL_BEING as recorded
        overview.path(LANGUAGE + ".derived").entityList(Boolean.class).containsExactly(true);
        overview.path(LANGUAGE + ".points[*].value").entityList(Double.class).containsExactly(2.75, 2.9, 3.18);
        overview.path(LANGUAGE + ".changeT1T2").entityList(Double.class).containsExactly(0.15);
        overview.path(LANGUAGE + ".changeT2T3").entityList(Double.class).containsExactly(0.28);
        overview.path(WELL_BEING + ".derived").entityList(Boolean.class).containsExactly(false);
        overview.path(WELL_BEING + ".changeT1T2").entityList(Double.class).containsExactly(5.0);
        overview.path(WELL_BEING + ".points[*].round").entityList(String.class).containsExactly("T1", "T2");
        // per team
        overview.path("institutionOverview.teamMeasurements[?(@.teamId == '" + spiren.teamId() + "')].changeT1T2")
                .entityList(Double.class).containsExactly(0.6);
        overview.path("institutionOverview.teamMeasurements[?(@.teamId == '" + spiren.teamId() + "')].changeT2T3")
                .entityList(Double.class).containsExactly(0.5);
    }

    @Test
    void aLeaderCanNarrowTheQuietPeriod_andAnAuditorSeesTheMunicipality() {
        graphQl(auditor).documentName("institutionOverview").fragmentName("institutionFigures")
                .variable("institutionId", spiren.institutionId()).variable("quietDays", 1)
                .execute().errors().verify()
                .path("institutionOverview.figures.teamsDocumentingSigns").entity(Integer.class).isEqualTo(1);

        GraphQlTester.Traversable municipality = graphQl(auditor).documentName("municipalityOverview")
                .fragmentName("institutionFigures").variable("municipalityId", spiren.municipalityId())
                .execute().errors().verify();
        municipality.path("municipalityOverview.institutions[*].institutionId").entityList(String.class)
                .containsExactly(spiren.institutionId());
        municipality.path("municipalityOverview.institutions[0].teams").entity(Integer.class).isEqualTo(2);
        municipality.path("municipalityOverview.institutions[0].teamsDocumentingSigns").entity(Integer.class)
                .isEqualTo(1);
        municipality.path("municipalityOverview.institutions[0].goals.set").entity(Integer.class).isEqualTo(1);
        municipality.path("municipalityOverview.institutions[0].measurements[?(@.indicator == 'LANGUAGE')].changeT2T3")
                .entityList(Double.class).containsExactly(0.28);
    }

    @Test
    void aTeamsProgressShowsItsCycleSignsPerWeekAndModules() {
        GraphQlTester.Traversable progress = graphQl(resourcePerson).documentName("teamProgress")
                .fragmentName("teamProgressFields").variable("teamId", spiren.teamId()).execute().errors().verify();
        progress.path("teamProgress.activeCycles[0].phase").entity(String.class).isEqualTo("ACTING");
        progress.path("teamProgress.activeCycles[0].daysInPhase").entity(Integer.class).isEqualTo(0);
        progress.path("teamProgress.goals.set").entity(Integer.class).isEqualTo(1);
        progress.path("teamProgress.signs.total").entity(Integer.class).isEqualTo(1);
        progress.path("teamProgress.signs.perWeek[0].count").entity(Integer.class).isEqualTo(1);
        progress.path("teamProgress.modules[*].moduleId").entityList(String.class).hasSize(3);
    }

    @Test
    void onlyLeadersAndAuditorsReadOverviews_andTheRefusalDoesNotTellWhetherTheInstitutionExists() {
        String unknown = "no-such-institution";
        List<ResponseError> errors = new ArrayList<>();
        for (String institution : List.of(spiren.institutionId(), unknown)) {
            graphQl(educator).documentName("institutionOverview").fragmentName("institutionFigures")
                    .variable("institutionId", institution).execute().errors().satisfy(errors::addAll);
        }
        assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN"));
        assertThat(errors.get(1).getMessage()).isEqualTo(errors.get(0).getMessage().replace(spiren.institutionId(),
                unknown));
        assertForbidden(graphQl(leader).documentName("municipalityOverview").fragmentName("institutionFigures")
                .variable("municipalityId", spiren.municipalityId()).execute());
        assertForbidden(graphQl(educator).documentName("teamProgress").fragmentName("teamProgressFields")
                .variable("teamId", myren.teamId()).execute());
    }

    @Test
    void aBadImportListsEveryBadRowAndStoresNothing() {
        String csv = """
                institution,team,round,measuredOn,indicator,value,scaleMin,scaleMax,n
                %1$s,%2$s,T1,%3$s,LANGUAGE,9.0,1,5,10
                %1$s,%2$s,T4,%3$s,LANGUAGE,2.0,1,5,10
                %1$s,not-our-team,T1,%3$s,LANGUAGE,2.0,1,5,10
                %1$s,,T1,%3$s,LANGUAGE,2.0,1,5,10
                """.formatted(spiren.institutionId(), spiren.teamId(), TODAY.minusDays(400));
        List<ResponseError> errors = new ArrayList<>();
        graphQl(leader).documentName("importMeasurements").variable("input", Map.of("csv", csv))
                .execute().errors().satisfy(errors::addAll);

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getExtensions()).containsEntry("code", "BAD_REQUEST").containsEntry("field", "input.csv");
            assertThat(rowErrorLines(e)).containsExactly(3, 4);
        });

        // the format and team rules pass now, but the value is out of scale: the aggregate's own row errors
        String outOfScale = csv.lines().filter(l -> !l.contains("T4") && !l.contains("not-our-team"))
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        errors.clear();
        graphQl(leader).documentName("importMeasurements").variable("input", Map.of("csv", outOfScale))
                .execute().errors().satisfy(errors::addAll);
        assertThat(errors).singleElement().satisfies(e -> assertThat(rowErrorLines(e)).containsExactly(2));

        graphQl(leader).documentName("institutionOverview").fragmentName("institutionFigures")
                .variable("institutionId", spiren.institutionId()).execute().errors().verify()
                .path(LANGUAGE + ".points[*].value").entityList(Double.class).containsExactly(2.75, 2.9, 3.18);
    }

    @Test
    void aFileSpanningTwoInstitutionsIsRejectedAsAWhole() {
        String csv = """
                institution,team,round,measuredOn,indicator,value,scaleMin,scaleMax,n
                %1$s,,T3,%2$s,WELL_BEING,80,0,100,40
                other-institution,,T1,%2$s,WELL_BEING,80,0,100,40
                """.formatted(spiren.institutionId(), TODAY.minusDays(1));
        List<ResponseError> errors = new ArrayList<>();
        graphQl(leader).documentName("importMeasurements").variable("input", Map.of("csv", csv))
                .execute().errors().satisfy(errors::addAll);
        assertThat(errors).singleElement().satisfies(e -> assertThat(rowErrorLines(e)).containsExactly(3));
        assertForbidden(graphQl(educator).documentName("importMeasurements")
                .variable("input", Map.of("csv", csv.lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow()))
                .execute());
    }

    @Test
    void aResourcePersonSeesTheFeedbackQueueOldestFirstAndAnswersIt() {
        String team2Educator = unique("edu");
        TestTeam other = newTeam(team2Educator); // in a municipality of its own: the overviews above stay as they are
        String rp = unique("rp");
        assign(rp, "RESOURCE_PERSON", other);
        String otherAuditor = unique("aud");
        assign(otherAuditor, "AUDITOR", other);
        graphQl(team2Educator).documentName("submitModuleAnswer").variable("input", Map.of("teamId", other.teamId(),
                        "moduleId", MODULE, "answer", "Vi bruger data fra T1 til at vælge mål"))
                .execute().errors().verify()
                .path("submitModuleAnswer.module.status").entity(String.class).isEqualTo("SUBMITTED");
        String otherCycle = graphQl(team2Educator).document("mutation($i: StartLearningCycleInput!) { "
                        + "startLearningCycle(input: $i) { cycleId } }").variable("i", startInput(other.teamId(), "Leg"))
                .execute().errors().verify().path("startLearningCycle.cycleId").entity(String.class).get();
        String otherGoal = graphQl(team2Educator).document("mutation($i: SetLearningGoalInput!) { "
                        + "setLearningGoal(input: $i) { goalId } }").variable("i", Map.of("cycleId", otherCycle,
                        "description", "Børnene leger sammen", "curriculumTheme", "social-udvikling",
                        "targetGroup", Map.of("kind", "WHOLE_GROUP"), "expectedSigns", List.of("Leger i grupper")))
                .execute().errors().verify().path("setLearningGoal.goalId").entity(String.class).get();
        graphQl(team2Educator).document("mutation($i: AssessGoalAttainmentInput!) { assessGoalAttainment(input: $i) "
                        + "{ assessmentId } }").variable("i", Map.of("cycleId", otherCycle, "goalId", otherGoal,
                        "attainment", "PARTLY", "rationale", "Nogle af børnene", "signIds", List.of()))
                .execute().errors().verify();

        GraphQlTester.Traversable queue = graphQl(rp).documentName("feedbackQueue").variable("resourcePersonId", rp)
                .execute().errors().verify();
        queue.path("feedbackQueue.items[*].kind").entityList(String.class)
                .containsExactly("MODULE_ANSWER", "ASSESSMENT");
        queue.path("feedbackQueue.items[0].answer").entity(String.class)
                .isEqualTo("Vi bruger data fra T1 til at vælge mål");
        queue.path("feedbackQueue.items[1].attainment").entity(String.class).isEqualTo("PARTLY");
        queue.path("feedbackQueue.responses").entity(Integer.class).isEqualTo(0);

        graphQl(rp).documentName("giveModuleFeedback").variable("input", Map.of("teamId", other.teamId(),
                        "moduleId", MODULE, "version", 1, "text", "Hvilke data?"))
                .execute().errors().verify()
                .path("giveModuleFeedback.module.status").entity(String.class).isEqualTo("FEEDBACK_GIVEN");
        awaitQueue(rp, rp, 1).path("feedbackQueue.responses").entity(Integer.class).isEqualTo(1);

        // the municipality's auditor may read it, another municipality's resource person or auditor may not
        assertForbidden(graphQl(auditor).documentName("feedbackQueue").variable("resourcePersonId", rp).execute());
        awaitQueue(otherAuditor, rp, 1).path("feedbackQueue.items[0].kind").entity(String.class).isEqualTo("ASSESSMENT");
        assertForbidden(graphQl(resourcePerson).documentName("feedbackQueue").variable("resourcePersonId", rp)
                .execute());
        assertForbidden(graphQl(team2Educator).documentName("approveModuleAnswer").variable("input",
                Map.of("teamId", other.teamId(), "moduleId", MODULE, "version", 1)).execute());
        assertForbidden(graphQl(resourcePerson).documentName("submitModuleAnswer").variable("input",
                Map.of("teamId", other.teamId(), "moduleId", MODULE, "answer", "x")).execute());
        graphQl(rp).documentName("approveModuleAnswer").variable("input", Map.of("teamId", other.teamId(),
                        "moduleId", MODULE, "version", 1))
                .execute().errors().verify()
                .path("approveModuleAnswer.module.status").entity(String.class).isEqualTo("APPROVED");
    }

    @Test
    void aLeaderRecordsOneFigure_andAnAdminMayToo() {
        String admin = unique("adm");
        assign(admin, "ADMIN", spiren);
        Map<String, Object> input = Map.of("institutionId", spiren.institutionId(), "teamId", myren.teamId(),
                "round", "T1", "measuredOn", TODAY.minusDays(300).toString(), "indicator", "SOCIAL_DEVELOPMENT",
                "value", 3.5, "scaleMin", 1, "scaleMax", 5, "n", 12);
        graphQl(admin).documentName("recordMeasurement").variable("input", input).execute().errors().verify()
                .path("recordMeasurement.institutionId").entity(String.class).isEqualTo(spiren.institutionId());
        assertForbidden(graphQl(educator).documentName("recordMeasurement").variable("input", input).execute());
        assertForbidden(graphQl(admin).documentName("institutionOverview").fragmentName("institutionFigures")
                .variable("institutionId", spiren.institutionId()).execute());
    }

    /** The queue once the projection has seen the latest change (the mutation waited only for team progress). */
    private GraphQlTester.Traversable awaitQueue(String reader, String rp, int items) {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            GraphQlTester.Traversable queue = graphQl(reader).documentName("feedbackQueue")
                    .variable("resourcePersonId", rp).execute().errors().verify();
            int size = queue.path("feedbackQueue.items").entityList(Object.class).get().size();
            if (size == items || System.currentTimeMillis() > deadline) {
                queue.path("feedbackQueue.items").entityList(Object.class).hasSize(items);
                return queue;
            }
            sleep();
        }
    }

    private void documentSign(String person, String cycle, String goal) {
        graphQl(person).document("mutation($i: DocumentSignOfLearningInput!) { documentSignOfLearning(input: $i) "
                        + "{ signId } }").variable("i", Map.of("cycleId", cycle, "goalId", goal,
                        "observedOn", TODAY.toString(), "observation", "Barn A7 brugte ordet kæmpestor",
                        "matchedExpectedSign", 0, "evidenceKind", "OBSERVATION", "childIds", List.of("a7")))
                .execute().errors().verify();
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> rowErrorLines(ResponseError error) {
        return ((List<Map<String, Object>>) error.getExtensions().get("rowErrors")).stream()
                .map(row -> ((Number) row.get("line")).intValue()).toList();
    }

    private static void assertForbidden(GraphQlTester.Response response) {
        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        assertThat(errors).singleElement().satisfies(e ->
                assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN"));
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
