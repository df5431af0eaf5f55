package dk.laeringsledelse.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.app.store.EventStoreDatabase;
import dk.laeringsledelse.app.store.EventStoreProperties;
import dk.laeringsledelse.eventstore.MongoEventStorageEngine;
import dk.laeringsledelse.kernel.MetaDataKeys;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon on MongoDB: our own event storage engine, the extension's token store, who-and-when in every event. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The Jackson 2 mapper of Axon's serializers (events, messages, snapshots, processor tokens): what stored events
     * look like, so it is configured here, not left to a framework default. Axon takes a bean of this name; without
     * one it takes any ObjectMapper bean, and without that its own default (dates as arrays, unknown properties
     * rejected) - which is what Spring Boot 4 would leave it, as Boot's own mapper is now Jackson 3. These settings
     * are those of Boot 3.5's mapper, which wrote every event stored so far; StoredFormIT pins the result.
     */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return JsonMapper.builder()
                .addModules(new Jdk8Module(), new JavaTimeModule(), new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
                .build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(EventStoreDatabase eventStore,
                                          Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          ObjectProvider<EventUpcaster> upcasters,
                                          EventStoreProperties eventStoreProperties,
                                          Clock clock) {
        return MongoEventStorageEngine.builder()
                .database(eventStore.database())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new org.axonframework.serialization.upcasting.event.EventUpcasterChain(
                        upcasters.orderedStream().toList()))
                .gapTimeout(eventStoreProperties.gapTimeout())
                .clock(clock)
                .build();
    }

    @Bean
    TokenStore tokenStore(MongoDatabase database, Serializer serializer, NodeId nodeId,
                          ProcessingProperties processing) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .serializer(serializer)
                .nodeId(nodeId.value())
                .claimTimeout(processing.tokenClaimTimeout())
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
    }

    /** A stable node id, so that a restarted instance takes its processor claims back at once. */
    @Bean
    NodeId nodeId(ProcessingProperties processing, @Value("${server.port:8080}") int port) {
        if (!processing.nodeId().isBlank()) {
            return new NodeId(processing.nodeId());
        }
        try {
            return new NodeId(InetAddress.getLocalHost().getHostName() + ":" + port);
        } catch (UnknownHostException e) {
            return new NodeId("localhost:" + port);
        }
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Who did it, in which role: copied from the command into each event it caused. */
    @Bean
    CorrelationDataProvider actorProvider() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.ACTOR, MetaDataKeys.ACTOR_ROLE);
    }

    public record NodeId(String value) {
    }
}
