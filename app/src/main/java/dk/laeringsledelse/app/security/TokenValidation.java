package dk.laeringsledelse.app.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * Production mode: a token signed by the identity provider is accepted only if it was issued by it
 * ({@code laeringsledelse.security.issuer}) for this service ({@code laeringsledelse.security.audiences}) and says
 * when it expires ({@code exp}, checked with {@code laeringsledelse.security.clock-skew}). Spring Boot adds this
 * validator to the one {@code JwtDecoder} it builds, which both HTTP and the WebSocket's {@code connection_init}
 * ({@link AuthenticationInterceptor}) use. Without an issuer or an audience the application does not start: a key
 * alone would accept the provider's tokens for every other application too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "laeringsledelse.security.dev-issuer", havingValue = "false", matchIfMissing = true)
public class TokenValidation {

    @Bean
    OAuth2TokenValidator<Jwt> identityProviderTokens(TokenProperties token, OAuth2ResourceServerProperties server) {
        boolean issuerUri = server.getJwt().getIssuerUri() != null && !server.getJwt().getIssuerUri().isBlank();
        if ((token.issuer() == null || token.issuer().isBlank()) && !issuerUri) {
            throw new InvalidConfigurationPropertyValueException("laeringsledelse.security.issuer", null,
                    "In production mode every token's issuer (iss) is checked: set laeringsledelse.security.issuer "
                            + "(or spring.security.oauth2.resourceserver.jwt.issuer-uri) to the identity provider's "
                            + "issuer.");
        }
        if (token.audiences().isEmpty()) {
            throw new InvalidConfigurationPropertyValueException("laeringsledelse.security.audiences", null,
                    "In production mode every token's audience (aud) is checked: set "
                            + "laeringsledelse.security.audiences to the audience(s) the identity provider gives "
                            + "this service's tokens.");
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        if (token.issuer() != null && !token.issuer().isBlank()) {
            validators.add(new JwtIssuerValidator(token.issuer()));
        }
        validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.stream().anyMatch(token.audiences()::contains)));
        validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        // Spring's default (60 s) stays in force beside it: the stricter of the two decides
        validators.add(new JwtTimestampValidator(token.clockSkew()));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}
