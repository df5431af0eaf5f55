package dk.laeringsledelse.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.laeringsledelse.app.support.ApplicationTest;
import dk.laeringsledelse.app.support.TestApi.TestTeam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The auditors' event history over HTTP: GraphQL {@code eventHistory} with each filter, who sees what, and the
 * JSON Lines export.
 */
@SuppressWarnings("unchecked")
class EventHistoryIT extends ApplicationTest {

    private static final String QUERY = """
            query($filter: EventHistoryFilter, $first: Int, $after: String) {
              eventHistory(filter: $filter, first: $first, after: $after) {
                edges { cursor node { position eventId at aggregateType aggregateId sequenceNumber eventType revision
                                      payload actor actorRole correlationId teamId institutionId municipalityId } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    private final String educator = unique("edu");
    private final String auditor = unique("auditor");
    private final String otherAuditor = unique("auditor");
    private TestTeam team;
    private TestTeam otherTeam;
    private String cycleId;

    @BeforeEach
    void history() throws InterruptedException {
        team = newTeam(educator);
        assign(auditor, "AUDITOR", team);
        otherTeam = newTeam(unique("edu"));
        assign(otherAuditor, "AUDITOR", otherTeam);
        cycleId = graphQl(educator).documentName("startLearningCycle").fragmentName("cycleFields")
                .variable("input", startInput(team.teamId(), "Sprog")).execute().errors().verify()
                .path("startLearningCycle.cycleId").entity(String.class).get();
        graphQl(educator).documentName("startLearningCycle").fragmentName("cycleFields")
                .variable("input", startInput(team.teamId(), "Motorik")).execute().errors().verify();
        // municipality, institution, team registered; educator and auditor assigned; two cycles started
        long deadline = System.currentTimeMillis() + 20_000;
        while (all(auditor, Map.of("municipalityId", team.municipalityId())).size() < 7) {
            assertThat(System.currentTimeMillis()).as("the audit history catches up").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void anAuditorPagesThroughTheWholeHistoryWithWhoAndWhenInStableOrder() {
        List<Map<String, Object>> events = all(auditor, Map.of("municipalityId", team.municipalityId()));

        assertThat(events).extracting(e -> e.get("eventType")).containsExactly("MunicipalityRegistered",
                "InstitutionRegistered", "TeamRegistered", "TeamRoleAssigned", "MunicipalRoleAssigned",
                "LearningCycleStarted", "LearningCycleStarted");
        assertThat(events).extracting(e -> Long.parseLong((String) e.get("position"))).isSorted().doesNotHaveDuplicates();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("actor")).isNotNull();
            assertThat(e.get("at")).isNotNull();
            assertThat(e.get("municipalityId")).isEqualTo(team.municipalityId());
            assertThat(e.get("eventId")).isNotNull();
        });
        Map<String, Object> started = events.get(5);
        assertThat(started).containsEntry("actor", educator).containsEntry("actorRole", "EDUCATOR")
                .containsEntry("aggregateType", "LearningCycle").containsEntry("aggregateId", cycleId)
                .containsEntry("sequenceNumber", 0).containsEntry("revision", "1")
                .containsEntry("teamId", team.teamId()).containsEntry("institutionId", team.institutionId());
        assertThat(started.get("correlationId")).isNotNull();
        assertThat((Map<String, Object>) started.get("payload")).containsEntry("title", "Sprog").containsEntry("cycleId", cycleId);
        assertThat(events.get(0)).containsEntry("actor", OPERATOR);

        // unfiltered: the same, the other municipality's history left out
        assertThat(all(auditor, Map.of())).isEqualTo(events);
    }

    @Test
    void eachFilterNarrowsTheHistory() {
        List<Map<String, Object>> events = all(auditor, Map.of("municipalityId", team.municipalityId()));

        assertThat(types(all(auditor, Map.of("teamId", team.teamId())))).containsExactly("TeamRegistered",
                "TeamRoleAssigned", "LearningCycleStarted", "LearningCycleStarted");
        assertThat(types(all(auditor, Map.of("institutionId", team.institutionId())))).containsExactly(
                "InstitutionRegistered", "TeamRegistered", "TeamRoleAssigned", "LearningCycleStarted",
                "LearningCycleStarted");
        assertThat(all(auditor, Map.of("aggregateId", cycleId))).containsExactly(events.get(5));
        assertThat(all(auditor, Map.of("personId", educator))).containsExactly(events.get(5), events.get(6));
        assertThat(all(auditor, Map.of("eventType", "LearningCycleStarted", "teamId", team.teamId())))
                .containsExactly(events.get(5), events.get(6));
        Instant third = Instant.parse((String) events.get(2).get("at"));
        Instant last = Instant.parse((String) events.get(6).get("at"));
        assertThat(all(auditor, Map.of("municipalityId", team.municipalityId(), "from", third.toString(),
                "to", last.toString()))).isEqualTo(events.subList(2, 6));
    }

    @Test
    void anEducatorSeesOnlyTheirTeam() {
        List<Map<String, Object>> own = all(educator, Map.of("teamId", team.teamId()));
        assertThat(own).hasSize(4).allSatisfy(e -> assertThat(e.get("teamId")).isEqualTo(team.teamId()));
        assertThat(all(educator, Map.of())).isEqualTo(own);
        assertThat(all(educator, Map.of("personId", OPERATOR))).extracting(e -> e.get("eventType"))
                .containsExactly("TeamRegistered", "TeamRoleAssigned");

        assertForbidden(educator, Map.of("municipalityId", team.municipalityId()), "filter.municipalityId");
        assertForbidden(educator, Map.of("institutionId", team.institutionId()), "filter.institutionId");
        assertForbidden(educator, Map.of("teamId", otherTeam.teamId()), "filter.teamId");
    }

    @Test
    void anotherMunicipalitysAuditorSeesNothingOfIt() {
        assertForbidden(otherAuditor, Map.of("municipalityId", team.municipalityId()), "filter.municipalityId");
        assertForbidden(otherAuditor, Map.of("teamId", team.teamId()), "filter.teamId");
        assertForbidden(otherAuditor, Map.of("institutionId", team.institutionId()), "filter.institutionId");
        // a unit that does not exist reads the same
        assertForbidden(otherAuditor, Map.of("teamId", "no-such-team"), "filter.teamId");
        assertThat(all(otherAuditor, Map.of("aggregateId", cycleId))).isEmpty();
        assertThat(all(otherAuditor, Map.of("personId", educator))).isEmpty();
        assertThat(all(otherAuditor, Map.of())).allSatisfy(e ->
                assertThat(e.get("municipalityId")).isEqualTo(otherTeam.municipalityId()));
    }

    @Test
    void theExportStreamsTheMunicipalitysHistoryAsJsonLinesToItsAuditorsOnly() throws Exception {
        List<Map<String, Object>> events = all(auditor, Map.of("municipalityId", team.municipalityId()));
        String path = "/audit/events.jsonl?municipalityId=" + team.municipalityId();

        String body = http(path).build().get().header("Authorization", "Bearer " + api().token(auditor))
                .exchange().expectStatus().isOk()
                .expectHeader().contentType(AuditExportController.JSON_LINES)
                .expectBody(String.class).returnResult().getResponseBody();

        String[] lines = body.split("\n");
        assertThat(lines).hasSize(events.size());
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < lines.length; i++) {
            JsonNode line = json.readTree(lines[i]);
            Map<String, Object> event = events.get(i);
            assertThat(line.get("position").asText()).isEqualTo(event.get("position"));
            assertThat(line.get("eventId").asText()).isEqualTo(event.get("eventId"));
            assertThat(line.get("actor").asText()).isEqualTo(event.get("actor"));
            assertThat(line.get("at").asText()).isEqualTo(event.get("at"));
            assertThat(json.convertValue(line.get("payload"), Map.class)).isEqualTo(event.get("payload"));
        }

        http(path).build().get().exchange().expectStatus().isUnauthorized();
        http(path).build().get().header("Authorization", "Bearer " + api().token(educator))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("FORBIDDEN");
        http(path).build().get().header("Authorization", "Bearer " + api().token(otherAuditor))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void everyBadParameterOfTheExportIsRefusedNamingIt() {
        // before: from after to was a 500 with an empty body, the rest Spring's bare 400s or silently ignored
        String export = "/audit/events.jsonl?municipalityId=" + team.municipalityId();
        Map<String, String> badQueries = new LinkedHashMap<>();
        badQueries.put(export + "&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from");
        badQueries.put(export + "&from=yesterday", "from");
        badQueries.put(export + "&to=2026-13-01T00:00:00Z", "to");
        badQueries.put(export + "&from=2026-01-01", "from");
        badQueries.put(export + "&from=2026-01-01T00:00:00Z&from=2026-02-01T00:00:00Z", "from");
        badQueries.put(export + "&eventType=NoSuchEvent", "eventType");
        badQueries.put(export + "&first=0", "first");
        badQueries.put("/audit/events.jsonl", "municipalityId");
        badQueries.put("/audit/events.jsonl?municipalityId=", "municipalityId");
        String token = api().token(auditor);
        badQueries.forEach((query, parameter) -> http(query).build().get()
                .header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType("application/json")
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST")
                .jsonPath("$.errors[0].extensions.field").isEqualTo(parameter)
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains(parameter)));

        // from equal to to is an empty range, not a mistake
        http(export + "&from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z").build().get()
                .header("Authorization", "Bearer " + token).exchange().expectStatus().isOk();
    }

    /** Every event the filter matches, read in pages of two. */
    private List<Map<String, Object>> all(String person, Map<String, Object> filter) {
        List<Map<String, Object>> events = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("filter", filter);
            variables.put("first", 2);
            variables.put("after", after);
            GraphQlTester.Response response = graphQl(person).document(QUERY).variables(variables).execute();
            response.errors().verify();
            List<Map<String, Object>> edges = response.path("eventHistory.edges[*].node").entityList(Map.class).get()
                    .stream().map(m -> (Map<String, Object>) m).toList();
            events.addAll(edges);
            more = response.path("eventHistory.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = more ? response.path("eventHistory.pageInfo.endCursor").entity(String.class).get() : null;
        }
        return events;
    }

    private static List<Object> types(List<Map<String, Object>> events) {
        return events.stream().map(e -> e.get("eventType")).toList();
    }

    private void assertForbidden(String person, Map<String, Object> filter, String field) {
        graphQl(person).document(QUERY).variable("filter", filter).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getExtensions()).containsEntry("code", "FORBIDDEN").containsEntry("field", field);
        });
    }
}
