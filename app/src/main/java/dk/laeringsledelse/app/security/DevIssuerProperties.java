package dk.laeringsledelse.app.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in token issuer of demo mode ({@link DevIssuer}, {@link DevTokenController}).
 *
 * @param devIssuer        whether it runs; {@link ModeDefaults} turns it on in demo mode, off in production mode
 * @param devTokenLifetime how long a token it signs is valid (a request may ask for less)
 */
@ConfigurationProperties("laeringsledelse.security")
public record DevIssuerProperties(boolean devIssuer, @DefaultValue("8h") Duration devTokenLifetime) {

    public DevIssuerProperties {
        if (devTokenLifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("laeringsledelse.security.dev-token-lifetime must be at least 1s, not "
                    + devTokenLifetime);
        }
    }
}
