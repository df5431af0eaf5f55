package dk.laeringsledelse.app.axon;

import dk.laeringsledelse.app.store.StoreProperties;
import dk.laeringsledelse.command.cycle.LearningCycle;
import dk.laeringsledelse.command.organisation.Institution;
import dk.laeringsledelse.command.organisation.Municipality;
import dk.laeringsledelse.command.organisation.Team;
import dk.laeringsledelse.kernel.organisation.OrganisationEvent;
import dk.laeringsledelse.query.audit.AuditProjection;
import dk.laeringsledelse.query.organisation.OrganisationProjection;
import dk.laeringsledelse.command.measurement.InstitutionMeasurements;
import dk.laeringsledelse.command.module.ModuleAnswer;
import dk.laeringsledelse.kernel.cycle.LearningCycleEvent;
import dk.laeringsledelse.kernel.measurement.MeasurementEvent;
import dk.laeringsledelse.kernel.module.ModuleAnswerEvent;
import dk.laeringsledelse.kernel.organisation.TeamRegistered;
import dk.laeringsledelse.query.support.BatchedWrites;
import dk.laeringsledelse.query.support.BatchedWrites.RecentWrites;
import dk.laeringsledelse.query.support.ProcessingGroups;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The aggregates, the command gateway's retry policy and how projections split their work. */
@Configuration(proxyBeanMethods = false)
public class ProcessorsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProcessorsConfiguration.class);

    /** Bytes of BSON each processor keeps between its batches on the embedded store. */
    static final long DEFAULT_PROJECTION_CACHE_BYTES = 16L * 1024 * 1024;

    /**
     * Every event in one sequence, under a String key. Not Axon's SequentialPolicy: its key is a plain Object whose
     * identity hash picks the segment, so after a restart the events belonged to the other segment, whose token had
     * already passed them, and were never projected (found by the crash test).
     */
    static final SequencingPolicy<EventMessage<?>> ONE_SEQUENCE = event -> "all";

    /**
     * Projections see a team's cycle events, and a municipality's organisation events, in order on one thread:
     * their per-team and per-unit documents need no locking.
     */
    static final SequencingPolicy<EventMessage<?>> BY_TEAM = event -> {
        if (event.getPayload() instanceof LearningCycleEvent cycleEvent) {
            return cycleEvent.teamId().value();
        }
        if (event.getPayload() instanceof OrganisationEvent organisationEvent) {
            return "municipality:" + organisationEvent.municipalityId().value();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    };

    /**
     * The team views: a team's cycle and module-answer events, and its registration (which names its institution),
     * in order on one thread, so that a team's documents need no locking; an institution's measurements likewise.
     * What several sequences share (institution summaries, a resource person's response times) is changed only by
     * atomic per-field updates.
     */
    static final SequencingPolicy<EventMessage<?>> TEAM_VIEWS = event -> {
        if (event.getPayload() instanceof TeamRegistered registered) {
            return registered.teamId().value();
        }
        if (event.getPayload() instanceof ModuleAnswerEvent moduleEvent) {
            return moduleEvent.teamId().value();
        }
        if (event.getPayload() instanceof MeasurementEvent measurementEvent) {
            return "institution:" + measurementEvent.institutionId().value();
        }
        return BY_TEAM.getSequenceIdentifierFor(event);
    };

    /**
     * A snapshotter of one aggregate type, on the snapshot thread. Not Axon's Spring snapshotter: it finds aggregates
     * among Spring beans, which ours (configured through {@link AggregateConfigurer}) are not, so every snapshot
     * failed with "Aggregate Type is unknown" and loads walked a cycle's whole history. And Axon takes a snapshot on
     * the thread of the command whose event crossed the threshold, before the command is answered: every 50th command
     * of a cycle waited for its history to be read. A snapshot still runs at most once at a time per aggregate (Axon
     * skips one already scheduled); one not taken is taken at the next threshold.
     */
    private static Snapshotter snapshotter(org.axonframework.config.Configuration c, AggregateConfigurer<?> aggregate,
                                           SnapshotThread thread) {
        return AggregateSnapshotter.builder()
                .eventStore(c.eventStore())
                .aggregateFactories(aggregate.aggregateFactory())
                .parameterResolverFactory(c.parameterResolverFactory())
                .handlerDefinition(c.handlerDefinition(aggregate.aggregateType()))
                .executor(thread.executor)
                .build();
    }

    @Bean(destroyMethod = "close")
    SnapshotThread snapshotThread() {
        return new SnapshotThread();
    }

    /** The snapshotter's thread, stopped with the application (a snapshot not taken is taken at the next threshold). */
    static final class SnapshotThread implements AutoCloseable {

        private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "snapshotter");
            thread.setDaemon(true);
            return thread;
        });

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

    @Bean
    ConfigurerModule learningCycleAggregate(@Value("${laeringsledelse.snapshot-every:50}") int snapshotEvery,
                                            @Value("${laeringsledelse.cached-cycles:2000}") int cachedCycles,
                                            StoreProperties store, SnapshotThread thread) {
        AggregateConfigurer<LearningCycle> aggregate = AggregateConfigurer.defaultConfiguration(LearningCycle.class);
        aggregate.configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                snapshotter(c, aggregate, thread), snapshotEvery));
        if (store.useEmbedded()) {
            // Loading a cycle walks its commits since the last snapshot one exact look-up at a time (up to 50 reads);
            // a cached cycle needs none. Only on the embedded store, which one instance owns: with several instances
            // a cycle cached here may miss another's write, and a rule checked against it could refuse wrongly.
            aggregate.configureCache(c -> new RecentAggregates(cachedCycles));
        }
        return configurer -> configurer.configureAggregate(aggregate);
    }

    /** The organisation's aggregates: few events each, so no snapshots. */
    @Bean
    ConfigurerModule organisationAggregates() {
        return configurer -> configurer
                .configureAggregate(Municipality.class)
                .configureAggregate(Institution.class)
                .configureAggregate(Team.class);
    }

    /** One institution's T1/T2/T3 figures: an import is one command and one commit; snapshots as for cycles. */
    @Bean
    ConfigurerModule institutionMeasurementsAggregate(@Value("${laeringsledelse.snapshot-every:50}") int snapshotEvery,
                                                      SnapshotThread thread) {
        AggregateConfigurer<InstitutionMeasurements> aggregate =
                AggregateConfigurer.defaultConfiguration(InstitutionMeasurements.class);
        aggregate.configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                snapshotter(c, aggregate, thread), snapshotEvery));
        return configurer -> configurer.configureAggregate(aggregate);
    }

    /** A team's answer to one e-learning module (a handful of events: no snapshots). */
    @Bean
    ConfigurerModule moduleAnswerAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(ModuleAnswer.class));
    }

    /**
     * Tracking processors, not pooled ones: the embedded event store wakes a tracking processor as soon as an event
     * is committed on this node, while a pooled processor's coordinator polls it every 500 ms, which every mutation
     * would wait for (read-your-own-writes). One segment by default: every thread of a processor reads and deserialises
     * every event to find its segment, which on two cores cost a fifth of the command throughput; another instance
     * takes a processor over when its owner stops (claim timeout). More segments spread one processor's work.
     */
    @Bean
    ConfigurerModule eventProcessing(@Value("${laeringsledelse.processor-segments:1}") int segments,
                                     @Value("${laeringsledelse.processor-batch-size:1000}") int batchSize,
                                     @Value("${laeringsledelse.projection-cache:}") DataSize cacheSize,
                                     @Value("${laeringsledelse.audit-linger:100ms}") Duration auditLinger,
                                     StoreProperties store) {
        // a replay handles up to 1,000 events per batch: every projection writes its documents once per batch
        // (BatchedWrites); live traffic makes small batches anyway
        long cacheBytes = cacheSize != null ? cacheSize.toBytes()
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
                    .registerSequencingPolicy(ProcessingGroups.TEAM_VIEWS, c -> TEAM_VIEWS)
                    .registerSequencingPolicy(OrganisationProjection.PROCESSING_GROUP, c -> BY_TEAM)
                    // one sequence: person and type buckets span all teams, and units must be seen before their events
                    .registerSequencingPolicy(AuditProjection.PROCESSING_GROUP, c -> ONE_SEQUENCE)
                    // projections write a batch's documents once, at its end (replays ~N× fewer store writes)
                    .registerDefaultHandlerInterceptor((c, name) ->
                            BatchedWrites.flushAtEndOfBatch(recentWrites.get(name)))
                    // a failing handler (e.g. the store is away) fails the batch, which the processor retries with
                    // back-off; Axon's default would log the failure and skip the event, leaving a read model short
                    .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
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
        return Map.of(ProcessingGroups.TEAM_VIEWS, new RecentWrites(capacity),
                OrganisationProjection.PROCESSING_GROUP, new RecentWrites(capacity),
                AuditProjection.PROCESSING_GROUP, new RecentWrites(capacity));
    }

    private static TrackingEventProcessorConfiguration tracking(int segments, int batchSize) {
        return TrackingEventProcessorConfiguration
                .forParallelProcessing(segments)
                .andInitialSegmentsCount(segments)
                .andBatchSize(batchSize)
                // a worker that finds no segment to claim (e.g. at start-up) retries after this, not after 5 s
                .andTokenClaimInterval(500, java.util.concurrent.TimeUnit.MILLISECONDS)
                // how long a worker waits for events before it looks again; a stop (e.g. for a rebuild) waits for it
                .andEventAvailabilityTimeout(200, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Bean(destroyMethod = "shutdown")
    ConflictRetryScheduler conflictRetryScheduler(@Value("${laeringsledelse.command-retries:5}") int retries) {
        return new ConflictRetryScheduler(retries, 20);
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ConflictRetryScheduler retryScheduler) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retryScheduler).build();
    }
}
