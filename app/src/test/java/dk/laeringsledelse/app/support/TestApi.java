package dk.laeringsledelse.app.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A running application seen from outside: GraphQL over HTTP as a person, with a token from the development issuer
 * ({@code POST /dev/token}), and an organisation built by the operator {@value #OPERATOR} through the same mutations
 * an admin would use.
 */
public class TestApi {

    public static final String OPERATOR = "operator";

    private final int port;

    public TestApi(int port) {
        this.port = port;
    }

    /** GraphQL over HTTP as this person, with a token from {@code POST /dev/token}. */
    public HttpGraphQlTester graphQl(String personId) {
        return HttpGraphQlTester.create(http("/graphql")
                .defaultHeader("Authorization", "Bearer " + token(personId))
                .build());
    }

    /** GraphQL over HTTP without a token. */
    public HttpGraphQlTester anonymousGraphQl() {
        return HttpGraphQlTester.create(http("/graphql").build());
    }

    public WebTestClient.Builder http(String path) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + path)
                .responseTimeout(Duration.ofSeconds(30));
    }

    public String token(String personId) {
        Map<?, ?> body = http("/dev/token").build().post().bodyValue(Map.of("personId", personId))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("token");
    }

    /**
     * A fresh municipality with one day-care institution and one team, in which each given person is an educator.
     */
    public TestTeam newTeam(String... educators) {
        HttpGraphQlTester operator = graphQl(OPERATOR);
        String municipalityId = unique("municipality");
        operator.document("mutation($input: RegisterMunicipalityInput!) { registerMunicipality(input: $input) "
                        + "{ municipalityId } }")
                .variable("input", Map.of("id", municipalityId, "name", "Testkommune")).execute().errors().verify();
        String institutionId = operator.document("mutation($input: RegisterInstitutionInput!) { "
                        + "registerInstitution(input: $input) { institutionId } }")
                .variable("input", Map.of("municipalityId", municipalityId, "name", "Børnehuset Solsikken",
                        "kind", "DAYCARE"))
                .execute().errors().verify().path("registerInstitution.institutionId").entity(String.class).get();
        TestTeam team = addTeam(municipalityId, institutionId);
        for (String educator : educators) {
            assign(educator, "EDUCATOR", team);
        }
        return team;
    }

    /** Another team in the same institution. */
    public TestTeam addTeam(String municipalityId, String institutionId) {
        String teamId = graphQl(OPERATOR).document("mutation($input: RegisterTeamInput!) { registerTeam(input: $input) "
                        + "{ teamId } }")
                .variable("input", Map.of("institutionId", institutionId, "name", "Spiren", "childGroup", "3-4 år"))
                .execute().errors().verify().path("registerTeam.teamId").entity(String.class).get();
        return new TestTeam(municipalityId, institutionId, teamId);
    }

    /** Gives a person a role where it is held: a team role in the team, LEADER in its institution, else municipal. */
    public void assign(String personId, String role, TestTeam where) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("personId", personId);
        input.put("role", role);
        switch (role) {
            case "EDUCATOR", "COORDINATOR", "RESOURCE_PERSON" -> input.put("teamId", where.teamId());
            case "LEADER" -> input.put("institutionId", where.institutionId());
            default -> input.put("municipalityId", where.municipalityId());
        }
        graphQl(OPERATOR).document("mutation($input: RoleAssignmentInput!) { assignRole(input: $input) "
                + "{ assignment { role } } }").variable("input", input).execute().errors().verify();
    }

    /** Where a test works: a team, its institution and its municipality. */
    public record TestTeam(String municipalityId, String institutionId, String teamId) {
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
