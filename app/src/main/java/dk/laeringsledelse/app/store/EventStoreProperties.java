package dk.laeringsledelse.app.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The event store's global order.
 *
 * @param gapTimeout how long a reserved but uncommitted event position is waited for, by tracking and by sealing
 */
@ConfigurationProperties("laeringsledelse.event-store")
public record EventStoreProperties(@DefaultValue("60s") Duration gapTimeout) {

    public EventStoreProperties {
        if (gapTimeout.isNegative() || gapTimeout.isZero()) {
            throw new IllegalArgumentException("laeringsledelse.event-store.gap-timeout must be positive, not "
                    + gapTimeout);
        }
    }
}
