package dk.laeringsledelse.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dk.laeringsledelse.app.LaeringsledelseApplication;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.client.GraphQlTransportException;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * Production mode: no development token issuer (its endpoint does not exist), no GraphiQL, no introspection; tokens
 * come from the identity provider, here a key pair whose public half is served as a JWK set, and are accepted only
 * with its issuer, this service's audience and an expiry, over HTTP and WebSocket alike.
 */
class ProductionModeIT {

    private static final String ISSUER = "https://login.example.test/realms/kommune";
    private static final String AUDIENCE = "laeringsledelse";

    private static Path dataDir;
    private static KeyPair identityProvider;
    private static HttpServer jwkSet;
    private static ConfigurableApplicationContext app;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("laeringsledelse-production-");
        identityProvider = KeyPairGenerator.getInstance("RSA").genKeyPair();
        byte[] keys = new JWKSet(new RSAKey.Builder((RSAPublicKey) identityProvider.getPublic()).build())
                .toString().getBytes(StandardCharsets.UTF_8);
        jwkSet = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwkSet.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        jwkSet.start();
        app = production(dataDir.resolve("data"), "--laeringsledelse.security.issuer=" + ISSUER,
                "--laeringsledelse.security.audiences=other-service," + AUDIENCE);
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (jwkSet != null) {
            jwkSet.stop(0);
        }
    }

    @Test
    void theDevelopmentIssuerGraphiqlAndIntrospectionAreAbsent() throws Exception {
        WebTestClient client = client();
        assertThat(app.containsBean("devTokenController")).isFalse();
        client.post().uri("/dev/token").bodyValue(Map.of("personId", "mallory"))
                .exchange().expectStatus().isNotFound();
        client.get().uri("/graphiql").exchange().expectStatus().isNotFound();

        String token = sign(identityProvider, valid("pia"));
        client.post().uri("/graphql").header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("query", "{ me { personId } }"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.me.personId").isEqualTo("pia");
        client.post().uri("/graphql").header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("query", "{ __schema { types { name } } }"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.__schema").doesNotExist()
                .jsonPath("$.errors[0].message").value(message ->
                        assertThat((String) message).containsIgnoringCase("introspection"));
        assertRefused(sign(KeyPairGenerator.getInstance("RSA").genKeyPair(), valid("mallory")));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        assertRefused(sign(identityProvider, valid("mallory", claims -> claims.issuer("https://evil.example.test"))));
        assertRefused(sign(identityProvider, valid("mallory", claims -> claims.issuer(null))));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        assertRefused(sign(identityProvider, valid("mallory", claims -> claims.audience("payroll"))));
        assertRefused(sign(identityProvider, valid("mallory", claims -> claims.audience((String) null))));
        // any one of the configured audiences will do
        assertAccepted(sign(identityProvider, valid("pia", claims -> claims.audience(List.of("payroll", AUDIENCE)))));
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        assertRefused(sign(identityProvider, valid("mallory", claims -> claims.expirationTime(null))));
    }

    @Test
    void aTokenExpiredLongerThanTheClockSkewIsRefused() throws Exception {
        // 30 s by default: within it the token still counts, beyond it not
        Date issued = Date.from(Instant.now().minusSeconds(300));
        assertRefused(sign(identityProvider, valid("mallory", claims -> claims.issueTime(issued)
                .expirationTime(Date.from(Instant.now().minusSeconds(45))))));
        assertAccepted(sign(identityProvider, valid("pia", claims -> claims.issueTime(issued)
                .expirationTime(Date.from(Instant.now().minusSeconds(10))))));
    }

    @Test
    void theWebSocketChecksTheTokenTheSameWay() throws Exception {
        String accepted = webSocket(sign(identityProvider, valid("pia")))
                .document("{ me { personId } }").execute().path("me.personId").entity(String.class).get();
        assertThat(accepted).isEqualTo("pia");

        for (String token : List.of(
                sign(identityProvider, valid("mallory", claims -> claims.issuer("https://evil.example.test"))),
                sign(identityProvider, valid("mallory", claims -> claims.audience("payroll"))),
                sign(identityProvider, valid("mallory", claims -> claims.expirationTime(null))))) {
            // the server closes the connection (4401, though the client may see the socket end before the status)
            assertThatThrownBy(() -> webSocket(token).document("{ me { personId } }").execute())
                    .isInstanceOf(GraphQlTransportException.class);
        }
    }

    @Test
    void withoutAnIssuerOrAnAudienceProductionModeDoesNotStart() {
        assertThatThrownBy(() -> production(dataDir.resolve("no-issuer"),
                "--laeringsledelse.security.audiences=" + AUDIENCE).close())
                .rootCause().hasMessageContaining("laeringsledelse.security.issuer");
        assertThatThrownBy(() -> production(dataDir.resolve("no-audience"),
                "--laeringsledelse.security.issuer=" + ISSUER).close())
                .rootCause().hasMessageContaining("laeringsledelse.security.audiences");
    }

    private static ConfigurableApplicationContext production(Path data, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--laeringsledelse.mode=production",
                "--laeringsledelse.store.embedded.port=0",
                "--laeringsledelse.store.embedded.data-dir=" + data,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:"
                        + jwkSet.getAddress().getPort() + "/jwks"));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(LaeringsledelseApplication.class).run(args.toArray(String[]::new));
    }

    private static WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static void assertRefused(String token) {
        client().post().uri("/graphql").header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("query", "{ me { personId } }"))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHORIZED");
    }

    private static void assertAccepted(String token) {
        client().post().uri("/graphql").header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("query", "{ me { personId } }"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.me.personId").isEqualTo("pia");
    }

    private static WebSocketGraphQlTester webSocket(String token) {
        return WebSocketGraphQlTester.builder(URI.create("ws://localhost:" + port + "/graphql"),
                        new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + token));
                    }
                })
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** The claims of a token the identity provider issues to this service, changed as the test needs. */
    private static JWTClaimsSet valid(String subject) {
        return valid(subject, claims -> { });
    }

    private static JWTClaimsSet valid(String subject, Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        change.accept(claims);
        return claims.build();
    }

    private static String sign(KeyPair key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }
}
