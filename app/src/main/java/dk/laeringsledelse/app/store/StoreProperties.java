package dk.laeringsledelse.app.store;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the events, tokens and read models live: two databases on one store.
 *
 * @param uri      a real MongoDB (replica set) to use; blank means: start the embedded store
 * @param database the database of the event store (events, snapshots, positions, seals)
 * @param viewsDatabase the database of what is derived from the events: read models and processor tokens
 * @param embedded settings of the embedded store, used only when {@code uri} is blank
 * @param timeout  how long an operation waits for an unreachable store before failing (answered UNAVAILABLE)
 * @param readTimeout how long an operation waits for a reachable store's answer before failing
 */
@ConfigurationProperties("laeringsledelse.store")
public record StoreProperties(String uri,
                              @DefaultValue("laeringsledelse") String database,
                              @DefaultValue("laeringsledelse_views") String viewsDatabase,
                              @DefaultValue Embedded embedded,
                              @DefaultValue("5s") Duration timeout,
                              @DefaultValue("30s") Duration readTimeout) {

    public boolean useEmbedded() {
        return uri == null || uri.isBlank();
    }

    /**
     * @param dataDir folder the embedded store persists to
     * @param host    address it binds to (loopback only by default)
     * @param port    port MongoDB tools can connect to; 0 picks a free one
     */
    public record Embedded(@DefaultValue("./data") Path dataDir,
                           @DefaultValue("127.0.0.1") String host,
                           @DefaultValue("27018") int port) {
    }
}
