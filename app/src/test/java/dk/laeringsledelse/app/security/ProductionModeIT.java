package dk.laeringsledelse.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dk.laeringsledelse.app.LaeringsledelseApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Production mode: no development token issuer (its endpoint does not exist), no GraphiQL, no introspection; tokens
 * come from the identity provider, here represented by a key pair whose public half is configured.
 */
class ProductionModeIT {

    @TempDir
    Path dataDir;

    @Test
    void theDevelopmentIssuerGraphiqlAndIntrospectionAreAbsent() throws Exception {
        KeyPair identityProvider = KeyPairGenerator.getInstance("RSA").genKeyPair();
        Path publicKey = dataDir.resolve("idp.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(identityProvider.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LaeringsledelseApplication.class).run(
                "--server.port=0",
                "--laeringsledelse.mode=production",
                "--laeringsledelse.store.embedded.port=0",
                "--laeringsledelse.store.embedded.data-dir=" + dataDir.resolve("data"),
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey)) {
            WebTestClient client = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort())
                    .responseTimeout(Duration.ofSeconds(30)).build();

            assertThat(app.containsBean("devTokenController")).isFalse();
            client.post().uri("/dev/token").bodyValue(Map.of("personId", "mallory"))
                    .exchange().expectStatus().isNotFound();
            client.get().uri("/graphiql").exchange().expectStatus().isNotFound();

            String token = sign(identityProvider, "pia");
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
            client.post().uri("/graphql").header("Authorization", "Bearer " + sign(KeyPairGenerator
                            .getInstance("RSA").genKeyPair(), "mallory"))
                    .bodyValue(Map.of("query", "{ me { personId } }"))
                    .exchange().expectStatus().isUnauthorized();
        }
    }

    private static String sign(KeyPair key, String subject) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }
}
