package dk.laeringsledelse.app.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the HTTP server.
 *
 * @param bodyTimeout how long a request's body may take to arrive, from the request's start; a body still arriving
 *                    after that is answered 408 and its connection closed (see {@link BodyTimeoutFilter})
 */
@ConfigurationProperties("laeringsledelse.http")
public record HttpProperties(@DefaultValue("10s") Duration bodyTimeout) {

    public HttpProperties {
        if (bodyTimeout.isNegative() || bodyTimeout.isZero() || bodyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("laeringsledelse.http.body-timeout must be positive and at most "
                    + "24 days, not " + bodyTimeout);
        }
    }
}
