package dk.laeringsledelse.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.app.support.ApplicationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * One request cannot exhaust the service: too deep, too expensive, too large or too slow to arrive is refused with a
 * clear error.
 */
class GraphQlLimitsIT extends ApplicationTest {

    @Test
    void aQueryDeeperThanTwelveLevelsIsRefused() {
        String deep = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType "
                + "{ ofType { ofType { name } } } } } } } } } } } } }";
        ResponseError error = singleError(deep);
        assertThat(error.getMessage()).contains("maximum query depth exceeded");
        assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST");
    }

    @Test
    void manyAliasesOfAnAsOfReplayAreRefusedBeforeTheyRun() {
        // before: 998 fields passed the field count, and the 499 replays ran for 17.8 s
        String teamId = newTeam("pia").teamId();
        String asOf = Instant.now().toString();
        String aliases = IntStream.range(0, 499)
                .mapToObj(i -> "p" + i + ": teamProgress(teamId: \"" + teamId + "\", asOf: \"" + asOf + "\") "
                        + "{ teamId }")
                .collect(Collectors.joining(" ", "{ ", " }"));

        HttpGraphQlTester pia = graphQl("pia");
        pia.document(aliases).execute(); // once to warm up: the timing below is of the refusal, not of a cold start

        long started = System.nanoTime();
        List<ResponseError> errors = new ArrayList<>();
        // no data, not even nulls: nothing was executed
        pia.document(aliases).execute().errors().satisfy(errors::addAll).path("p0").pathDoesNotExist();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getMessage()).startsWith("the request is too expensive: it would cost 499499 points, "
                    + "the budget is 25000");
            assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")
                    .containsEntry("cost", 499499).containsEntry("budget", 25000);
        });
        // refused after parsing and validation only: well under the 499 replays' time even on a busy machine
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aPageCostsItsFieldsOncePerItem() {
        String history = "eventHistory(first: %d) { edges { cursor node { position eventId at eventType actor "
                + "payload } } pageInfo { hasNextPage endCursor } }";
        // a page's selection (edges: 9, pageInfo: 3) counts per item: 20 * (10 + 200 * 12) = 48,200
        String twentyFullPages = IntStream.range(0, 20).mapToObj(i -> "h" + i + ": " + history.formatted(200))
                .collect(Collectors.joining(" ", "{ ", " }"));
        assertThat(singleError(twentyFullPages).getMessage()).contains("it would cost 48200 points");

        String twentySmallPages = IntStream.range(0, 20).mapToObj(i -> "h" + i + ": " + history.formatted(10))
                .collect(Collectors.joining(" ", "{ ", " }"));
        graphQl("pia").document(twentySmallPages).execute().errors().verify();
    }

    @Test
    void aThousandPlainFieldsStillPass() {
        String fields = IntStream.range(0, 1001).mapToObj(i -> "v" + i + ": version")
                .collect(Collectors.joining(" ", "{ ", " }"));
        graphQl("pia").document(fields).execute().errors().verify();
    }

    @Test
    void aRequestOverTheSizeLimitIsRefusedBeforeItIsRead() {
        String huge = "{ version } #" + "x".repeat(300_000);
        http("/graphql").defaultHeader("Authorization", "Bearer " + api().token("pia")).build()
                .post().bodyValue(Map.of("query", huge))
                .exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST");
    }

    @Test
    void aChunkedRequestOverTheSizeLimitIsRefused() throws Exception {
        // no declared length: before, the whole body was read into memory whatever its size
        String huge = "{\"query\": \"{ version } #" + "x".repeat(1_000_000) + "\"}";
        HttpResponse<String> response = chunkedPost(() -> new ByteArrayInputStream(
                huge.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"BAD_REQUEST\"").contains("larger than 262144 bytes");
    }

    @Test
    void aChunkedRequestWithinTheLimitIsAnswered() throws Exception {
        HttpResponse<String> response = chunkedPost(() -> new ByteArrayInputStream(
                "{\"query\": \"{ version }\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"version\"").doesNotContain("errors");
    }

    @Test
    void theLimitHoldsForAPathSpelledWithEscapes() throws Exception {
        String huge = "{\"query\": \"{ version } #" + "x".repeat(1_000_000) + "\"}";
        HttpResponse<String> response = chunkedPost("/%67raphql", () -> new ByteArrayInputStream(
                huge.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    private HttpResponse<String> chunkedPost(Supplier<InputStream> body) throws Exception {
        return chunkedPost("/graphql", body);
    }

    /** A POST whose body has no declared length, so HTTP/1.1 sends it chunked. */
    private HttpResponse<String> chunkedPost(String path, Supplier<InputStream> body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + api().token("pia"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(body))
                .timeout(Duration.ofSeconds(30))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBodyThatTricklesInIsCutOffAfterTheBodyTimeout() throws Exception {
        // before: the connection stayed open, and a worker thread busy, for as long as the bytes kept coming
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n{\"query\": \"").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread trickle = new Thread(() -> {
                try {
                    for (int i = 0; i < 600; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (Exception closed) {
                    // the server closed the connection
                }
            });
            trickle.start();

            Ended ended = readUntilClosed(socket);
            trickle.interrupt();

            assertThat(ended.answer()).satisfiesAnyOf(
                    answer -> assertThat(answer).isEmpty(),
                    answer -> assertThat(answer).startsWith("HTTP/1.1 408").contains("\"code\":\"BAD_REQUEST\""));
            // the body timeout is 10 s by default; 60 s of trickle were on offer
            assertThat(ended.after()).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(25));
        }
    }

    @Test
    void aBodyThatStopsComingIsCutOffAfterTheBodyTimeout() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                    + "application/json\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));

            Ended ended = readUntilClosed(socket);

            assertThat(ended.answer()).satisfiesAnyOf(
                    answer -> assertThat(answer).isEmpty(),
                    answer -> assertThat(answer).startsWith("HTTP/1.1 408"));
            assertThat(ended.after()).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(25));
        }
    }

    private record Ended(String answer, Duration after) {
    }

    /** What the server answers until it closes the connection (a reset counts as closed), and when. */
    private static Ended readUntilClosed(Socket socket) throws IOException {
        long started = System.nanoTime();
        socket.setSoTimeout(60_000);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = socket.getInputStream().read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the connection was still open after 60 s", stillOpen);
        } catch (SocketException reset) {
            // closed with unread bytes of ours: the server reset the connection
        }
        return new Ended(answer.toString(StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - started));
    }

    @Test
    void aQueryWithinTheLimitsIsAnswered() {
        graphQl("pia").document("{ version me { personId } }").execute().errors().verify()
                .path("me.personId").entity(String.class).isEqualTo("pia");
    }

    private ResponseError singleError(String document) {
        List<ResponseError> errors = new ArrayList<>();
        graphQl("pia").document(document).execute().errors().satisfy(errors::addAll);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }
}
