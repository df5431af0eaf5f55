package dk.laeringsledelse.app.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How aggregates are loaded and their commands retried (see {@link AggregatesConfiguration}).
 *
 * @param snapshotEvery  events of a learning cycle (or an institution's measurements) after which a snapshot is taken
 * @param cachedCycles   learning cycles kept loaded on the embedded store (most recently used)
 * @param commandRetries retries of a command that lost a race on its aggregate (jittered back-off)
 */
@ConfigurationProperties("laeringsledelse")
public record AggregateProperties(@DefaultValue("50") int snapshotEvery,
                                  @DefaultValue("2000") int cachedCycles,
                                  @DefaultValue("5") int commandRetries) {

    public AggregateProperties {
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("laeringsledelse.snapshot-every must be at least 1, not "
                    + snapshotEvery);
        }
        if (cachedCycles < 0) {
            throw new IllegalArgumentException("laeringsledelse.cached-cycles must not be negative, not "
                    + cachedCycles);
        }
        if (commandRetries < 0) {
            throw new IllegalArgumentException("laeringsledelse.command-retries must not be negative, not "
                    + commandRetries);
        }
    }
}
