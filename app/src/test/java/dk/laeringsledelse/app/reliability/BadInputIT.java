package dk.laeringsledelse.app.reliability;

import static dk.laeringsledelse.app.reliability.MalformedMutations.Kind.DATE;
import static dk.laeringsledelse.app.reliability.MalformedMutations.Kind.ENUM;
import static dk.laeringsledelse.app.reliability.MalformedMutations.Kind.INT;
import static dk.laeringsledelse.app.reliability.MalformedMutations.Kind.NEW_ID;
import static dk.laeringsledelse.app.reliability.MalformedMutations.Kind.NEW_IDS;
import static dk.laeringsledelse.app.reliability.MalformedMutations.Kind.REF_ID;
import static dk.laeringsledelse.app.reliability.MalformedMutations.Kind.REF_IDS;
import static dk.laeringsledelse.app.reliability.MalformedMutations.Kind.TEXT;
import static dk.laeringsledelse.app.reliability.MalformedMutations.Kind.TEXTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.laeringsledelse.app.store.EventStoreDatabase;
import dk.laeringsledelse.app.reliability.MalformedMutations.Case;
import dk.laeringsledelse.app.reliability.MalformedMutations.Field;
import dk.laeringsledelse.app.reliability.MalformedMutations.Mutation;
import dk.laeringsledelse.app.support.ApplicationTest;
import dk.laeringsledelse.app.support.TestApi.TestTeam;
import dk.laeringsledelse.query.replay.ProjectionDigest;
import dk.laeringsledelse.query.replay.ProjectionReplay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Hundreds of malformed mutations: each is answered with a client error (a GraphQL error whose code is the
 * client's, or an HTTP 4xx for a body that is not GraphQL at all), never a 5xx; nothing is stored; and the
 * application is healthy afterwards.
 */
class BadInputIT extends ApplicationTest {

    // FORBIDDEN too: an id the caller may not use is refused before its form is looked at (nothing leaks)
    private static final Set<String> CLIENT_CODES = Set.of("BAD_REQUEST", "NOT_FOUND", "CONFLICT", "FORBIDDEN");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    EventStoreDatabase eventStore;
    @Autowired
    ProjectionDigest digest;
    @Autowired
    ProjectionReplay projections;

    @Test
    void everyMalformedMutationIsAClientErrorAndStoresNothing() throws Exception {
        HttpGraphQlTester api = graphQl("pia");
        TestTeam team = newTeam("pia");
        Ids ids = setUp(api, team);
        List<Case> corpus = MalformedMutations.corpus(mutations(team.teamId(), ids));
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);

        assertThat(projections.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        long eventsBefore = eventStore.database().getCollection("events").countDocuments();
        String viewsBefore = digest.digest();

        WebTestClient http = http("/graphql").defaultHeader("Authorization", "Bearer " + api().token("pia")).build();
        List<String> wrong = new ArrayList<>();
        for (Case c : corpus) {
            Map<String, Object> body = new HashMap<>();
            body.put("query", c.document());
            body.put("variables", c.variables());
            check(c.name(), post(http, JSON.writeValueAsString(body), MediaType.APPLICATION_JSON), wrong);
        }
        for (Map.Entry<String, String> raw : rawBodies().entrySet()) {
            check(raw.getKey(), post(http, raw.getValue(), MediaType.APPLICATION_JSON), wrong);
        }
        check("text/plain body", post(http, "mutation { __typename }", MediaType.TEXT_PLAIN), wrong);

        assertThat(wrong).as("requests not answered with a client error").isEmpty();
        assertThat(eventStore.database().getCollection("events").countDocuments()).as("events stored").isEqualTo(eventsBefore);
        assertThat(projections.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(digest.digest()).as("read models").isEqualTo(viewsBefore);

        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/actuator/health").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        api.documentName("recordReflection").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", ids.cycle(), "practiceLearnings", "Det virker stadig",
                        "plannedAdjustments", "Ingen"))
                .execute().errors().verify()
                .path("recordReflection.cycle.counts.reflections").entity(Integer.class).isEqualTo(1);
    }

    private static void check(String name, EntityExchangeResult<byte[]> response, List<String> wrong) throws Exception {
        int status = response.getStatus().value();
        String body = response.getResponseBody() == null ? "" : new String(response.getResponseBody(),
                java.nio.charset.StandardCharsets.UTF_8);
        if (status >= 500) {
            wrong.add(name + ": HTTP " + status + " " + abbreviate(body));
            return;
        }
        if (status >= 400) {
            return; // not a GraphQL request at all: refused by HTTP
        }
        JsonNode errors = JSON.readTree(body).path("errors");
        if (errors.isEmpty()) {
            wrong.add(name + ": accepted " + abbreviate(body));
            return;
        }
        for (JsonNode error : errors) {
            String code = error.path("extensions").path("code").asText();
            if (!CLIENT_CODES.contains(code)) {
                wrong.add(name + ": code " + code + " " + abbreviate(error.toString()));
            }
        }
    }

    private static EntityExchangeResult<byte[]> post(WebTestClient http, String body, MediaType type) {
        return http.post().contentType(type).accept(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectBody().returnResult();
    }

    private static Map<String, String> rawBodies() {
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("broken JSON", "{\"query\": \"mutation {");
        bodies.put("empty body", "");
        bodies.put("JSON null", "null");
        bodies.put("JSON list", "[]");
        bodies.put("query a number", "{\"query\": 42}");
        bodies.put("no query", "{\"variables\": {}}");
        bodies.put("variables a string", "{\"query\": \"mutation { __typename }\", \"variables\": \"x\"}");
        bodies.put("not JSON", "drop database");
        bodies.put("JSON nested 5,000 deep", "{\"query\": \"mutation { __typename }\", \"variables\": {\"input\": "
                + "[".repeat(5_000) + "]".repeat(5_000) + "}}");
        return bodies;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** A cycle with one of everything the mutations refer to. */
    private Ids setUp(HttpGraphQlTester api, TestTeam team) {
        String cycle = api.documentName("startLearningCycle").fragmentName("cycleFields")
                .variable("input", startInput(team.teamId(), "Mål for dårligt input")).execute().errors().verify()
                .path("startLearningCycle.cycleId").entity(String.class).get();
        String goal = api.documentName("setLearningGoal").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycle, "description", "Mål", "curriculumTheme", "kommunikation-og-sprog",
                        "targetGroup", Map.of("kind", "WHOLE_GROUP"), "expectedSigns", List.of("Tegn")))
                .execute().errors().verify().path("setLearningGoal.goalId").entity(String.class).get();
        String activity = api.documentName("planActivity").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycle, "goalIds", List.of(goal), "description", "Højtlæsning",
                        "plannedDate", TODAY.toString()))
                .execute().errors().verify().path("planActivity.activityId").entity(String.class).get();
        String sign = api.documentName("documentSignOfLearning").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycle, "goalId", goal, "observedOn", TODAY.toString(),
                        "observation", "Set", "evidenceKind", "OBSERVATION"))
                .execute().errors().verify().path("documentSignOfLearning.signId").entity(String.class).get();
        assign("rp", "RESOURCE_PERSON", team);
        String feedback = graphQl("rp").documentName("giveFeedback").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycle, "aboutKind", "GOAL", "aboutId", goal,
                        "authorRole", "RESOURCE_PERSON", "text", "Godt mål"))
                .execute().errors().verify().path("giveFeedback.feedbackId").entity(String.class).get();
        return new Ids(cycle, goal, activity, sign, feedback);
    }

    private record Ids(String cycle, String goal, String activity, String sign, String feedback) {
    }

    private static List<Mutation> mutations(String team, Ids ids) {
        String today = TODAY.toString();
        Field cycleId = new Field("cycleId", REF_ID, true, 100);
        return List.of(
                new Mutation("startLearningCycle", "StartLearningCycleInput", startInput(team, "Titel"), List.of(
                        new Field("teamId", NEW_ID, true, 100), new Field("title", TEXT, true, 200),
                        new Field("plannedPeriod.start", DATE, true, 0), new Field("plannedPeriod.end", DATE, true, 0),
                        new Field("dataBasis.findings", TEXT, true, 4_000),
                        new Field("dataBasis.sources", TEXT, true, 4_000))),
                new Mutation("setLearningGoal", "SetLearningGoalInput", Map.of("cycleId", ids.cycle(),
                        "description", "Mål", "curriculumTheme", "kommunikation-og-sprog", "targetGroup",
                        Map.of("kind", "SUB_GROUP", "description", "De ældste"), "expectedSigns", List.of("Tegn")),
                        List.of(cycleId, new Field("description", TEXT, true, 4_000),
                                new Field("curriculumTheme", TEXT, true, 100),
                                new Field("targetGroup.kind", ENUM, true, 0),
                                new Field("targetGroup.description", TEXT, false, 4_000),
                                new Field("targetGroup.childIds", NEW_IDS, false, 0),
                                new Field("expectedSigns", TEXTS, true, 4_000),
                                new Field("adaptation", TEXT, false, 4_000))),
                new Mutation("reviseLearningGoal", "ReviseLearningGoalInput", Map.of("cycleId", ids.cycle(),
                        "goalId", ids.goal(), "description", "Nyt mål", "reason", "Bedre"),
                        List.of(cycleId, new Field("goalId", REF_ID, true, 100),
                                new Field("description", TEXT, false, 4_000),
                                new Field("expectedSigns", TEXTS, false, 4_000),
                                new Field("reason", TEXT, true, 4_000))),
                new Mutation("planActivity", "PlanActivityInput", Map.of("cycleId", ids.cycle(),
                        "goalIds", List.of(ids.goal()), "description", "Leg", "plannedDate", today),
                        List.of(cycleId, new Field("goalIds", REF_IDS, true, 0),
                                new Field("description", TEXT, true, 4_000),
                                new Field("methodAndOrganisation", TEXT, false, 4_000),
                                new Field("plannedDate", DATE, true, 0), new Field("adaptation", TEXT, false, 4_000))),
                new Mutation("recordActivityCarriedOut", "RecordActivityCarriedOutInput", Map.of("cycleId",
                        ids.cycle(), "activityId", ids.activity(), "carriedOutOn", today),
                        List.of(cycleId, new Field("activityId", REF_ID, true, 100),
                                new Field("carriedOutOn", DATE, true, 0), new Field("notes", TEXT, false, 4_000))),
                new Mutation("cancelActivity", "CancelActivityInput", Map.of("cycleId", ids.cycle(),
                        "activityId", ids.activity(), "reason", "Sygdom"),
                        List.of(cycleId, new Field("activityId", REF_ID, true, 100),
                                new Field("reason", TEXT, true, 4_000))),
                new Mutation("documentSignOfLearning", "DocumentSignOfLearningInput", Map.of("cycleId", ids.cycle(),
                        "goalId", ids.goal(), "observedOn", today, "observation", "Set",
                        "evidenceKind", "OBSERVATION"),
                        List.of(cycleId, new Field("goalId", REF_ID, true, 100),
                                new Field("activityId", REF_ID, false, 100), new Field("observedOn", DATE, true, 0),
                                new Field("observation", TEXT, true, 4_000),
                                new Field("matchedExpectedSign", INT, false, 0),
                                new Field("evidenceKind", ENUM, true, 0), new Field("childIds", NEW_IDS, false, 0))),
                new Mutation("assessGoalAttainment", "AssessGoalAttainmentInput", Map.of("cycleId", ids.cycle(),
                        "goalId", ids.goal(), "attainment", "PARTLY", "rationale", "Delvist",
                        "signIds", List.of(ids.sign())),
                        List.of(cycleId, new Field("goalId", REF_ID, true, 100),
                                new Field("attainment", ENUM, true, 0), new Field("rationale", TEXT, true, 4_000),
                                new Field("signIds", REF_IDS, true, 0))),
                new Mutation("giveFeedback", "GiveFeedbackInput", Map.of("cycleId", ids.cycle(), "aboutKind", "GOAL",
                        "aboutId", ids.goal(), "authorRole", "LEADER", "text", "Flot"),
                        List.of(cycleId, new Field("aboutKind", ENUM, true, 0),
                                new Field("aboutId", REF_ID, false, 100), new Field("authorRole", ENUM, true, 0),
                                new Field("text", TEXT, true, 4_000))),
                new Mutation("respondToFeedback", "RespondToFeedbackInput", Map.of("cycleId", ids.cycle(),
                        "feedbackId", ids.feedback(), "text", "Tak"),
                        List.of(cycleId, new Field("feedbackId", REF_ID, true, 100),
                                new Field("text", TEXT, true, 4_000))),
                new Mutation("recordReflection", "RecordReflectionInput", Map.of("cycleId", ids.cycle(),
                        "practiceLearnings", "Lært", "plannedAdjustments", "Justeret"),
                        List.of(cycleId, new Field("practiceLearnings", TEXT, true, 4_000),
                                new Field("plannedAdjustments", TEXT, true, 4_000))),
                new Mutation("completeLearningCycle", "CompleteLearningCycleInput", Map.of("cycleId", ids.cycle(),
                        "summary", "Færdig", "nextSteps", "Videre"),
                        List.of(cycleId, new Field("summary", TEXT, true, 4_000),
                                new Field("nextSteps", TEXT, true, 4_000))),
                new Mutation("abandonLearningCycle", "AbandonLearningCycleInput", Map.of("cycleId", ids.cycle(),
                        "reason", "Stop"),
                        List.of(cycleId, new Field("reason", TEXT, true, 4_000))));
    }
}
