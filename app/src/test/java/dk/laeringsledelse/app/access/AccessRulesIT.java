package dk.laeringsledelse.app.access;

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
 * The access table, row by row: each role does what it may, and each forbidden path is tried and refused with
 * FORBIDDEN, storing nothing and leaking nothing. One municipality with two institutions: Solsikken (teams A and B)
 * and Mælkebøtten (team C); a second municipality with its own auditor and admin.
 */
class AccessRulesIT extends ApplicationTest {

    private static TestTeam teamA;
    private static TestTeam teamB;
    private static TestTeam teamC;
    private static TestTeam otherMunicipality;
    private static String cycleA;
    private static String cycleB;
    private static String cycleC;

    @BeforeEach
    void anOrganisationWithACycleInEveryTeam() {
        if (teamA != null) {
            return;
        }
        teamA = newTeam("edu.a");
        assign("coord.a", "COORDINATOR", teamA);
        assign("rp", "RESOURCE_PERSON", teamA);
        assign("leader", "LEADER", teamA);
        assign("aud", "AUDITOR", teamA);
        assign("adm", "ADMIN", teamA);
        teamB = api().addTeam(teamA.municipalityId(), teamA.institutionId());
        assign("edu.b", "EDUCATOR", teamB);
        String otherInstitution = graphQl(OPERATOR).document("mutation($input: RegisterInstitutionInput!) { "
                        + "registerInstitution(input: $input) { institutionId } }")
                .variable("input", Map.of("municipalityId", teamA.municipalityId(), "name", "Mælkebøtten",
                        "kind", "DAYCARE"))
                .execute().errors().verify().path("registerInstitution.institutionId").entity(String.class).get();
        teamC = api().addTeam(teamA.municipalityId(), otherInstitution);
        assign("edu.c", "EDUCATOR", teamC);
        otherMunicipality = newTeam("edu.n");
        assign("aud.n", "AUDITOR", otherMunicipality);
        assign("adm.n", "ADMIN", otherMunicipality);
        cycleA = start("edu.a", teamA);
        cycleB = start("edu.b", teamB);
        cycleC = start("edu.c", teamC);
    }

    @Test
    void withoutATokenEveryOperationIsUnauthorized() {
        List<ResponseError> errors = new ArrayList<>();
        anonymousGraphQl().document("{ version }").execute().errors().satisfy(errors::addAll);
        assertThat(errors).singleElement().satisfies(e ->
                assertThat(e.getExtensions()).containsEntry("code", "UNAUTHORIZED"));
    }

    @Test
    void anInvalidTokenIsRefusedWith401() {
        http("/graphql").defaultHeader("Authorization", "Bearer not.a.token").build()
                .post().bodyValue(Map.of("query", "{ version }"))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHORIZED");
    }

    @Test
    void eventsNameTheAuthenticatedPerson() {
        graphQl("edu.a").documentName("learningCycle").fragmentName("cycleFields").variable("id", cycleA)
                .execute().errors().verify().path("learningCycle.startedBy").entity(String.class).isEqualTo("edu.a");
    }

    @Test
    void educatorsWriteAndReadOnlyTheirOwnTeams() {
        setGoal("coord.a", cycleA).errors().verify();
        assertForbidden(startAttempt("edu.a", teamB), "input.teamId");
        assertForbidden(setGoal("edu.a", cycleB), "input.cycleId");
        assertForbidden(timeline("edu.a", teamB), "teamId");
        assertForbidden(cycles("edu.a", teamB), "teamId");
        cycle("edu.a", cycleB).errors().verify().path("learningCycle").valueIsNull();
        cycles("leader", teamB).errors().verify().path("learningCycles.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void resourcePersonsGiveFeedbackToAndReadOnlyTheirAssignedTeams() {
        feedback("rp", cycleA, "RESOURCE_PERSON").errors().verify();
        assertForbidden(feedback("rp", cycleA, "LEADER"), "input.authorRole");
        assertForbidden(feedback("rp", cycleB, "RESOURCE_PERSON"), "input.authorRole");
        assertForbidden(setGoal("rp", cycleA), "input.cycleId");
        assertForbidden(startAttempt("rp", teamA), "input.teamId");
        cycle("rp", cycleA).errors().verify().path("learningCycle.id").entity(String.class).isEqualTo(cycleA);
        cycle("rp", cycleB).errors().verify().path("learningCycle").valueIsNull();
        assertForbidden(timeline("rp", teamB), "teamId");
    }

    @Test
    void leadersGiveFeedbackToAndReadEveryTeamOfTheirInstitutionOnly() {
        feedback("leader", cycleA, "LEADER").errors().verify();
        feedback("leader", cycleB, "LEADER").errors().verify();
        assertForbidden(feedback("leader", cycleC, "LEADER"), "input.authorRole");
        assertForbidden(setGoal("leader", cycleA), "input.cycleId");
        cycle("leader", cycleC).errors().verify().path("learningCycle").valueIsNull();
        assertThat(graphQl("leader").document("{ me { teams { id } } }").execute().errors().verify()
                .path("me.teams[*].id").entityList(String.class).get())
                .contains(teamA.teamId(), teamB.teamId()).doesNotContain(teamC.teamId());
    }

    @Test
    void auditorsReadTheirWholeMunicipalityAndWriteNothing() {
        for (String cycle : List.of(cycleA, cycleB, cycleC)) {
            cycle("aud", cycle).errors().verify().path("learningCycle.id").entity(String.class).isEqualTo(cycle);
        }
        timeline("aud", teamC).errors().verify();
        assertForbidden(startAttempt("aud", teamA), "input.teamId");
        assertForbidden(setGoal("aud", cycleA), "input.cycleId");
        assertForbidden(feedback("aud", cycleA, "LEADER"), "input.authorRole");
        cycle("aud.n", cycleA).errors().verify().path("learningCycle").valueIsNull();
        assertForbidden(timeline("aud.n", teamA), "teamId");
        cycles("edu.a", teamA).errors().verify().path("learningCycles.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void adminsManageOnlyTheirOwnMunicipalitysOrganisationAndReadNoLearningData() {
        graphQl("adm").document("mutation($input: RegisterTeamInput!) { registerTeam(input: $input) { team { name } } }")
                .variable("input", Map.of("institutionId", teamA.institutionId(), "name", "Nyt team"))
                .execute().errors().verify().path("registerTeam.team.name").entity(String.class).isEqualTo("Nyt team");
        assertForbidden(graphQl("adm.n").document("mutation($input: RegisterTeamInput!) { registerTeam(input: $input) "
                        + "{ teamId } }").variable("input", Map.of("institutionId", teamA.institutionId(), "name", "X"))
                .execute(), "input.institutionId");
        assertForbidden(graphQl("adm.n").document("mutation($input: RoleAssignmentInput!) { assignRole(input: $input) "
                        + "{ assignment { role } } }")
                .variable("input", Map.of("personId", "adm.n", "role", "AUDITOR", "municipalityId",
                        teamA.municipalityId()))
                .execute(), "input.municipalityId");
        assertForbidden(graphQl("adm").document("mutation($input: RegisterMunicipalityInput!) { "
                + "registerMunicipality(input: $input) { municipalityId } }")
                .variable("input", Map.of("name", "Ny kommune")).execute(), "input.name");
        assertForbidden(cycles("adm", teamA), "teamId");
        assertForbidden(setGoal("adm", cycleA), "input.cycleId");
        graphQl("adm.n").document("query($id: ID!) { municipality(id: $id) { name } }")
                .variable("id", teamA.municipalityId()).execute().errors().verify().path("municipality").valueIsNull();
        graphQl("adm").document("query($id: ID!) { municipality(id: $id) { institutions { teams { id } } } }")
                .variable("id", teamA.municipalityId()).execute().errors().verify()
                .path("municipality.institutions[*].teams[*].id").entityList(String.class)
                .contains(teamA.teamId(), teamB.teamId(), teamC.teamId());
    }

    @Test
    void anUnassignedRoleStopsWorkingAtOnce() {
        TestTeam team = newTeam("leaving");
        String cycle = start("leaving", team);
        graphQl(OPERATOR).document("mutation($input: RoleAssignmentInput!) { unassignRole(input: $input) "
                        + "{ assignment { role } } }")
                .variable("input", Map.of("personId", "leaving", "role", "EDUCATOR", "teamId", team.teamId()))
                .execute().errors().verify();
        assertForbidden(setGoal("leaving", cycle), "input.cycleId");
        cycle("leaving", cycle).errors().verify().path("learningCycle").valueIsNull();
    }

    private String start(String person, TestTeam team) {
        return startAttempt(person, team).errors().verify()
                .path("startLearningCycle.cycleId").entity(String.class).get();
    }

    private GraphQlTester.Response startAttempt(String person, TestTeam team) {
        return graphQl(person).documentName("startLearningCycle").fragmentName("cycleFields")
                .variable("input", startInput(team.teamId(), "Forløb")).execute();
    }

    private GraphQlTester.Response setGoal(String person, String cycleId) {
        return graphQl(person).documentName("setLearningGoal").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId, "description", "Mål",
                        "curriculumTheme", "social-udvikling", "targetGroup", Map.of("kind", "WHOLE_GROUP"),
                        "expectedSigns", List.of("Tegn"))).execute();
    }

    private GraphQlTester.Response feedback(String person, String cycleId, String role) {
        return graphQl(person).documentName("giveFeedback").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId, "aboutKind", "CYCLE", "authorRole", role,
                        "text", "Godt begyndt")).execute();
    }

    private GraphQlTester.Response cycle(String person, String cycleId) {
        return graphQl(person).documentName("learningCycle").fragmentName("cycleFields")
                .variable("id", cycleId).execute();
    }

    private GraphQlTester.Response cycles(String person, TestTeam team) {
        return graphQl(person).documentName("learningCycles").variable("teamId", team.teamId()).execute();
    }

    private GraphQlTester.Response timeline(String person, TestTeam team) {
        return graphQl(person).documentName("teamTimeline").variable("teamId", team.teamId()).execute();
    }

    private static void assertForbidden(GraphQlTester.Response response, String field) {
        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN").containsEntry("field", field);
            assertThat(e.getMessage()).startsWith("you may not");
        });
    }
}
