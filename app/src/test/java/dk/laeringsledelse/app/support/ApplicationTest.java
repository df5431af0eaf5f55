package dk.laeringsledelse.app.support;

import dk.laeringsledelse.app.support.TestApi.TestTeam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * The whole application on a random HTTP port, on the embedded store in a fresh data folder (or on the MongoDB of
 * {@code MONGODB_URI}, in a fresh database): tests talk GraphQL over real HTTP, as a dashboard does, with tokens
 * from the built-in development issuer. {@value #OPERATOR} operates the installation and builds each test's
 * organisation through the same mutations an admin would use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApplicationTest {

    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
    protected static final String OPERATOR = TestApi.OPERATOR;
    /** How long a request waits for an unreachable store (short, so the outage test stays quick). */
    protected static final String STORE_TIMEOUT = "2s";
    private static final Path DATA_DIR = tempDir();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("laeringsledelse.store.embedded.data-dir", DATA_DIR::toString);
        registry.add("laeringsledelse.store.embedded.port", () -> "0");
        registry.add("laeringsledelse.store.database", () -> "test-" + UUID.randomUUID());
        // also on a real MongoDB (MONGODB_URI), which would otherwise mean production mode
        registry.add("laeringsledelse.security.dev-issuer", () -> "true");
        registry.add("laeringsledelse.security.operators", () -> OPERATOR);
        registry.add("laeringsledelse.store.timeout", () -> STORE_TIMEOUT);
        // a short-lived token's connection ends at its exp, not 30 s later (one context, one data folder, for all)
        registry.add("laeringsledelse.security.clock-skew", () -> "0s");
    }

    /** GraphQL over HTTP as this person, with a token from {@code POST /dev/token}. */
    protected HttpGraphQlTester graphQl(String personId) {
        return api().graphQl(personId);
    }

    /** GraphQL over HTTP without a token. */
    protected HttpGraphQlTester anonymousGraphQl() {
        return api().anonymousGraphQl();
    }

    protected WebTestClient.Builder http(String path) {
        return api().http(path);
    }

    /** A fresh municipality with one day-care institution and one team, in which each given person is an educator. */
    protected TestTeam newTeam(String... educators) {
        return api().newTeam(educators);
    }

    /** Gives a person a role where it is held: a team role in the team, LEADER in its institution, else municipal. */
    protected void assign(String personId, String role, TestTeam where) {
        api().assign(personId, role, where);
    }

    protected TestApi api() {
        return new TestApi(port);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> startInput(String teamId, String title) {
        return Map.of("teamId", teamId, "title", title,
                "plannedPeriod", Map.of("start", TODAY.minusDays(60).toString(), "end", TODAY.plusDays(30).toString()),
                "dataBasis", Map.of("findings", "Profilanalysen T1 viser at sproget halter i vuggestuen",
                        "sources", "Profilanalyse T1 2026"));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("laeringsledelse-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cycle "Sprog" started by this educator in the team, with one goal on language. */
    protected CycleWithGoal startCycleWithGoal(String educator, TestTeam team) {
        String cycleId = graphQl(educator).document("mutation($i: StartLearningCycleInput!) { "
                        + "startLearningCycle(input: $i) { cycleId } }").variable("i", startInput(team.teamId(), "Sprog"))
                .execute().errors().verify().path("startLearningCycle.cycleId").entity(String.class).get();
        String goalId = graphQl(educator).document("mutation($i: SetLearningGoalInput!) { setLearningGoal(input: $i) "
                        + "{ goalId } }").variable("i", Map.of("cycleId", cycleId, "description", "Ordforråd",
                        "curriculumTheme", "kommunikation-og-sprog", "targetGroup", Map.of("kind", "WHOLE_GROUP"),
                        "expectedSigns", List.of("Bruger nye ord")))
                .execute().errors().verify().path("setLearningGoal.goalId").entity(String.class).get();
        return new CycleWithGoal(cycleId, goalId);
    }

    /** GraphQL over a real WebSocket (graphql-transport-ws), the token sent in {@code connection_init}. */
    protected WebSocketGraphQlTester webSocketWithToken(String token) {
        return WebSocketGraphQlTester.builder(URI.create("ws://localhost:" + port + "/graphql"),
                        new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + token));
                    }
                })
                .build();
    }

    /** The educator documents one sign of learning for the cycle's goal, observed today. */
    protected void documentSign(String educator, CycleWithGoal cycle) {
        graphQl(educator).document("mutation($i: DocumentSignOfLearningInput!) { documentSignOfLearning(input: $i) "
                        + "{ signId } }").variable("i", Map.of("cycleId", cycle.cycleId(), "goalId", cycle.goalId(),
                        "observedOn", TODAY.toString(), "observation", "Barn A7 brugte ordet kæmpestor",
                        "matchedExpectedSign", 0, "evidenceKind", "OBSERVATION", "childIds", List.of("a7")))
                .execute().errors().verify();
    }

    public record CycleWithGoal(String cycleId, String goalId) {
    }
}
