package dk.laeringsledelse.app.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Demo mode only: a token issuer built into the application, with a key pair made at start-up (so its tokens die
 * with the process), and {@code POST /dev/token} that signs a token for any person id. Without demo mode none of
 * this exists and tokens must come from the identity provider configured under
 * {@code spring.security.oauth2.resourceserver.jwt}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "laeringsledelse.security.dev-issuer", havingValue = "true")
public class DevIssuer {

    static final String ISSUER = "laeringsledelse-dev";
    private static final Logger log = LoggerFactory.getLogger(DevIssuer.class);

    private final RSAKey key = generateKey();

    @Bean
    JwtDecoder devJwtDecoder() throws Exception {
        log.warn("Demo mode: the development token issuer is on (POST /dev/token signs a token for anyone). "
                + "Never run a real installation like this.");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        decoder.setJwtValidator(org.springframework.security.oauth2.jwt.JwtValidators.createDefaultWithIssuer(ISSUER));
        return decoder;
    }

    @Bean
    JwtEncoder devJwtEncoder() {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    private static RSAKey generateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }
}
