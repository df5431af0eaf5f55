package dk.laeringsledelse.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole application on a random HTTP port, on the embedded store in a fresh data folder (or on the MongoDB of
 * {@code MONGODB_URI}, in a fresh database): tests talk GraphQL over real HTTP, as a dashboard does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApplicationTest {

    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
    private static final Path DATA_DIR = tempDir();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("laeringsledelse.store.embedded.data-dir", DATA_DIR::toString);
        registry.add("laeringsledelse.store.embedded.port", () -> "0");
        registry.add("laeringsledelse.store.database", () -> "test-" + UUID.randomUUID());
        registry.add("laeringsledelse.store.timeout", () -> STORE_TIMEOUT);
    }

    /** How long a request waits for an unreachable store (short, so the outage test stays quick). */
    protected static final String STORE_TIMEOUT = "2s";

    protected HttpGraphQlTester graphQl(String actor) {
        return graphQl(port, actor);
    }

    /** A GraphQL tester acting as {@code actor} on the application at {@code port}. */
    public static HttpGraphQlTester graphQl(int port, String actor) {
        return HttpGraphQlTester.create(http(port, actor));
    }

    /** Plain HTTP to {@code /graphql} as {@code actor}, for requests a GraphQL tester cannot make (broken JSON). */
    public static WebTestClient http(int port, String actor) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeader("X-Actor", actor)
                .responseTimeout(java.time.Duration.ofSeconds(30))
                .build();
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
}
