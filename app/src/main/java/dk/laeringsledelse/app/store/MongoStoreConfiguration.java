package dk.laeringsledelse.app.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.embeddedstore.EmbeddedMongoStore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * One MongoDB for events, tokens and read models: the one named by {@code MONGODB_URI}, or the embedded store. The
 * events live in one database ({@link EventStoreDatabase}), what is derived from them in another (the primary bean).
 */
@Configuration(proxyBeanMethods = false)
public class MongoStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoStoreConfiguration.class);

    /** Started only when no URI is configured; closed with the context after the client. */
    @Bean(destroyMethod = "close")
    EmbeddedMongoStore embeddedMongoStore(StoreProperties properties) {
        if (!properties.useEmbedded()) {
            return null;
        }
        StoreProperties.Embedded embedded = properties.embedded();
        EmbeddedMongoStore store = EmbeddedMongoStore.start(embedded.dataDir(), properties.viewsDatabase(),
                embedded.host(), embedded.port());
        log.info("Store: embedded MongoDB-compatible server at {} persisting to {} (inspect with: mongosh \"{}/{}\")",
                store.connectionString(), store.file(), store.connectionString(), properties.database());
        return store;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StoreProperties properties, ObjectProvider<EmbeddedMongoStore> embedded) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder();
        if (properties.useEmbedded()) {
            settings.applyConnectionString(new ConnectionString(embedded.getObject().connectionString()));
        } else {
            // Defaults for a replica set, each overridable in the URI: acknowledged by a majority and journaled,
            // reads from the primary, so an acknowledged event survives a failover and reads see our own writes.
            ConnectionString uri = new ConnectionString(properties.uri());
            settings.writeConcern(WriteConcern.MAJORITY.withJournal(true))
                    .readPreference(ReadPreference.primary())
                    .applyConnectionString(uri);
            log.info("Store: MongoDB at {} (database {})", uri.getHosts(), properties.database());
        }
        // Fail fast instead of hanging when the store is unreachable or stops answering: a request then gets
        // UNAVAILABLE within these bounds, and processors retry later.
        long timeout = properties.timeout().toMillis();
        settings.applyToClusterSettings(c -> c.serverSelectionTimeout(timeout, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout((int) timeout, TimeUnit.MILLISECONDS)
                        .readTimeout((int) properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS));
        return MongoClients.create(settings.build());
    }

    /** Read models and processor tokens: what is derived from the events, and can be rebuilt from them. */
    @Bean
    @Primary
    MongoDatabase viewsDatabase(MongoClient client, StoreProperties properties) {
        return client.getDatabase(properties.viewsDatabase());
    }

    @Bean
    EventStoreDatabase eventStoreDatabase(MongoClient client, StoreProperties properties) {
        return new EventStoreDatabase(client.getDatabase(properties.database()));
    }
}
