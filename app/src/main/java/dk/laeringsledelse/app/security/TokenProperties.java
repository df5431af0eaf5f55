package dk.laeringsledelse.app.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a token from the identity provider must carry (production mode; see {@link TokenValidation}).
 *
 * @param issuer    the {@code iss} every token must name; may be left out when
 *                  {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} is set, which checks it already
 * @param audiences the {@code aud} values of this service; a token must name at least one of them
 * @param clockSkew how far the clocks of the identity provider and of this service may disagree when {@code exp}
 *                  and {@code nbf} are checked; at most 60 s, Spring Security's own allowance
 */
@ConfigurationProperties("laeringsledelse.security")
public record TokenProperties(String issuer, List<String> audiences, @DefaultValue("30s") Duration clockSkew) {

    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

    public TokenProperties {
        audiences = audiences == null ? List.of() : audiences.stream().filter(a -> !a.isBlank()).toList();
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("laeringsledelse.security.clock-skew must be between 0 and 60 s, not "
                    + clockSkew);
        }
    }
}
