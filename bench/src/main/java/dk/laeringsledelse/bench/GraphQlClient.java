package dk.laeringsledelse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Every GraphQL call of the benchmark goes through here, so the request headers (the bearer token of who is
 * acting) are set in one place.
 */
final class GraphQlClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One for all: its connections are pooled, as a browser's are. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String bearer;

    /** Acting as {@code actor}, with a token from the demo-mode issuer ({@code POST /dev/token}). */
    GraphQlClient(int port, String actor) {
        this.endpoint = URI.create("http://localhost:" + port + "/graphql");
        this.bearer = "Bearer " + token(port, actor);
    }

    private String token(int port, String actor) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dev/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("personId", actor))))
                    .build();
            return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("no token for " + actor, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Executes a document and returns its {@code data}; a GraphQL error fails the benchmark. */
    JsonNode execute(String document, Map<String, Object> variables) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Authorization", bearer)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("query", document, "variables", variables))))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200 || body.has("errors")) {
                throw new IllegalStateException("GraphQL call failed: HTTP " + response.statusCode() + " " + body);
            }
            return body.get("data");
        } catch (IOException e) {
            throw new IllegalStateException("GraphQL call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
