package dk.laeringsledelse.app.axon;

import dk.laeringsledelse.app.store.StoreProperties;
import dk.laeringsledelse.command.cycle.LearningCycle;
import dk.laeringsledelse.command.measurement.InstitutionMeasurements;
import dk.laeringsledelse.command.module.ModuleAnswer;
import dk.laeringsledelse.command.organisation.Institution;
import dk.laeringsledelse.command.organisation.Municipality;
import dk.laeringsledelse.command.organisation.Team;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The aggregates, their snapshots and cache, and the command gateway's retry policy. */
@Configuration(proxyBeanMethods = false)
public class AggregatesConfiguration {

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
    ConfigurerModule learningCycleAggregate(AggregateProperties properties, StoreProperties store,
                                            SnapshotThread thread) {
        AggregateConfigurer<LearningCycle> aggregate = AggregateConfigurer.defaultConfiguration(LearningCycle.class);
        aggregate.configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                snapshotter(c, aggregate, thread), properties.snapshotEvery()));
        if (store.useEmbedded()) {
            // Loading a cycle walks its commits since the last snapshot one exact look-up at a time (up to 50 reads);
            // a cached cycle needs none. Only on the embedded store, which one instance owns: with several instances
            // a cycle cached here may miss another's write, and a rule checked against it could refuse wrongly.
            aggregate.configureCache(c -> new RecentAggregates(properties.cachedCycles()));
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
    ConfigurerModule institutionMeasurementsAggregate(AggregateProperties properties, SnapshotThread thread) {
        AggregateConfigurer<InstitutionMeasurements> aggregate =
                AggregateConfigurer.defaultConfiguration(InstitutionMeasurements.class);
        aggregate.configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                snapshotter(c, aggregate, thread), properties.snapshotEvery()));
        return configurer -> configurer.configureAggregate(aggregate);
    }

    /** A team's answer to one e-learning module (a handful of events: no snapshots). */
    @Bean
    ConfigurerModule moduleAnswerAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(ModuleAnswer.class));
    }

    @Bean(destroyMethod = "shutdown")
    ConflictRetryScheduler conflictRetryScheduler(AggregateProperties properties) {
        return new ConflictRetryScheduler(properties.commandRetries(), 20);
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ConflictRetryScheduler retryScheduler) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retryScheduler).build();
    }
}
