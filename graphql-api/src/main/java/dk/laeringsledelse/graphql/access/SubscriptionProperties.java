package dk.laeringsledelse.graphql.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of live subscriptions.
 *
 * @param maxPerConnection how many subscriptions one WebSocket connection may have active at once (1 to 1000)
 */
@ConfigurationProperties("laeringsledelse.subscriptions")
public record SubscriptionProperties(@DefaultValue("20") int maxPerConnection) {

    public SubscriptionProperties {
        if (maxPerConnection < 1 || maxPerConnection > 1000) {
            throw new IllegalArgumentException("laeringsledelse.subscriptions.max-per-connection must be between 1 "
                    + "and 1000, not " + maxPerConnection);
        }
    }
}
