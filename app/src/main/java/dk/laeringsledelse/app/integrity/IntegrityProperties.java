package dk.laeringsledelse.app.integrity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tamper evidence.
 *
 * @param sealInterval how often each instance seals the closed part of the global order
 */
@ConfigurationProperties("laeringsledelse.integrity")
public record IntegrityProperties(@DefaultValue("10s") Duration sealInterval) {

    public IntegrityProperties {
        if (sealInterval.isNegative() || sealInterval.isZero()) {
            throw new IllegalArgumentException("laeringsledelse.integrity.seal-interval must be positive, not "
                    + sealInterval);
        }
    }
}
