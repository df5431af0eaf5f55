package dk.laeringsledelse.app.axon;

import dk.laeringsledelse.app.store.StoreProperties;
import dk.laeringsledelse.query.audit.AuditProjection;
import dk.laeringsledelse.query.support.BatchedWrites;
import dk.laeringsledelse.query.support.BatchedWrites.RecentWrites;
import dk.laeringsledelse.query.support.ProcessingGroups;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projections' event processors: one per processing group, sequenced as the projections declare
 * ({@link ProcessingGroups}), with their segments, batch sizes and caches.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProcessorsConfiguration.class);

    /** Bytes of BSON each processor keeps between its batches on the embedded store. */
    static final long DEFAULT_PROJECTION_CACHE_BYTES = 16L * 1024 * 1024;

    /**
     * Tracking processors, not pooled ones: the embedded event store wakes a tracking processor as soon as an event
     * is committed on this node, while a pooled processor's coordinator polls it every 500 ms, which every mutation
     * would wait for (read-your-own-writes). One segment by default: every thread of a processor reads and deserialises
     * every event to find its segment, which on two cores cost a fifth of the command throughput; another instance
     * takes a processor over when its owner stops (claim timeout). More segments spread one processor's work.
     */
    @Bean
    ConfigurerModule eventProcessing(ProcessingProperties properties, StoreProperties store) {
        int segments = properties.processorSegments();
        // a replay handles up to 1,000 events per batch: every projection writes its documents once per batch
        // (BatchedWrites); live traffic makes small batches anyway
        int batchSize = properties.processorBatchSize();
        Duration auditLinger = properties.auditLinger();
        long cacheBytes = properties.projectionCache() != null ? properties.projectionCache().toBytes()
                : store.useEmbedded() ? DEFAULT_PROJECTION_CACHE_BYTES : 0;
        log.info("Each projection processor keeps up to {} KB of the documents it wrote between its batches",
                cacheBytes / 1024);
        Map<String, RecentWrites> recentWrites = recentWrites(cacheBytes);
        // what a processor keeps between batches is forgotten when its segments are claimed or released (a start, a
        // stop, a reset, another instance taking over) or fail
        Function<String, TrackingEventProcessorConfiguration> tracking = name -> {
            TrackingEventProcessorConfiguration configuration = tracking(segments, batchSize);
            RecentWrites recent = recentWrites.get(name);
            return recent == null ? configuration : configuration.andEventTrackerStatusChangeListener(statuses -> {
                if (statuses.values().stream().anyMatch(status -> status.trackerAdded() || status.trackerRemoved()
                        || status.isErrorState())) {
                    recent.forget();
                }
            });
        };
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing()
                    .usingTrackingEventProcessors()
                    .registerTrackingEventProcessorConfiguration(c -> tracking.apply(null))
                    // projections write a batch's documents once, at its end (replays ~N× fewer store writes)
                    .registerDefaultHandlerInterceptor((c, name) ->
                            BatchedWrites.flushAtEndOfBatch(recentWrites.get(name)))
                    // a failing handler (e.g. the store is away) fails the batch, which the processor retries with
                    // back-off; Axon's default would log the failure and skip the event, leaving a read model short
                    .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            ProcessingGroups.sequencing().forEach((name, policy) ->
                    processing.registerSequencingPolicy(name, c -> policy));
            recentWrites.keySet().forEach(name ->
                    processing.registerTrackingEventProcessorConfiguration(name, c -> tracking.apply(name)));
            if (!auditLinger.isZero()) {
                // the audit history may follow a moment behind (no mutation waits for it): its batches gather the
                // events of that moment, and its shared buckets are written once per batch, not once per event
                processing.registerTrackingEventProcessor(AuditProjection.PROCESSING_GROUP,
                        c -> new LingeringEventSource(c.eventStore(), auditLinger),
                        c -> tracking.apply(AuditProjection.PROCESSING_GROUP));
            }
        };
    }

    /**
     * Each processor keeps the documents it wrote last (BatchedWrites.RecentWrites) only on the embedded store by
     * default: one instance owns it, so no other writes a processor's documents. With several instances on a real
     * MongoDB a segment can move to another instance between two batches of this one.
     */
    private static Map<String, RecentWrites> recentWrites(long capacity) {
        if (capacity <= 0) {
            return Map.of();
        }
        Map<String, RecentWrites> recentWrites = new HashMap<>();
        ProcessingGroups.sequencing().keySet().forEach(name -> recentWrites.put(name, new RecentWrites(capacity)));
        return Map.copyOf(recentWrites);
    }

    private static TrackingEventProcessorConfiguration tracking(int segments, int batchSize) {
        return TrackingEventProcessorConfiguration
                .forParallelProcessing(segments)
                .andInitialSegmentsCount(segments)
                .andBatchSize(batchSize)
                // a worker that finds no segment to claim (e.g. at start-up) retries after this, not after 5 s
                .andTokenClaimInterval(500, TimeUnit.MILLISECONDS)
                // how long a worker waits for events before it looks again; a stop (e.g. for a rebuild) waits for it
                .andEventAvailabilityTimeout(200, TimeUnit.MILLISECONDS);
    }
}
