package dk.laeringsledelse.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.app.axon.AggregateProperties;
import dk.laeringsledelse.app.axon.ProcessingProperties;
import dk.laeringsledelse.app.demo.DemoProperties;
import dk.laeringsledelse.app.integrity.IntegrityProperties;
import dk.laeringsledelse.app.security.DevIssuerProperties;
import dk.laeringsledelse.app.store.EventStoreProperties;
import dk.laeringsledelse.graphql.limits.GraphQlLimitProperties;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The laeringsledelse.* settings: the defaults README's configuration table gives, and a start refused by name. */
class SettingsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class)
            .withPropertyValues("laeringsledelse.mode=demo");

    @Test
    void givenNothingSet_thenTheDocumentedDefaults() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            ProcessingProperties processing = context.getBean(ProcessingProperties.class);
            assertThat(processing.processorSegments()).isEqualTo(1);
            assertThat(processing.processorBatchSize()).isEqualTo(1000);
            assertThat(processing.projectionCache()).isNull(); // 16MB on the embedded store, 0 on MongoDB
            assertThat(processing.auditLinger()).isEqualTo(Duration.ofMillis(100));
            assertThat(processing.tokenClaimTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(processing.nodeId()).isEmpty();
            AggregateProperties aggregates = context.getBean(AggregateProperties.class);
            assertThat(aggregates.snapshotEvery()).isEqualTo(50);
            assertThat(aggregates.cachedCycles()).isEqualTo(2000);
            assertThat(aggregates.commandRetries()).isEqualTo(5);
            assertThat(context.getBean(EventStoreProperties.class).gapTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(context.getBean(IntegrityProperties.class).sealInterval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(context.getBean(DevIssuerProperties.class).devTokenLifetime()).isEqualTo(Duration.ofHours(8));
            assertThat(context.getBean(GraphQlLimitProperties.class).maxRequestBytes()).isEqualTo(262144);
            assertThat(context.getBean(DemoProperties.class).demo()).isFalse();
        });
    }

    @Test
    void givenSettings_thenBoundByTheirDocumentedNames() {
        runner.withPropertyValues("laeringsledelse.processor-batch-size=10", "laeringsledelse.projection-cache=1MB",
                        "laeringsledelse.node-id=a", "laeringsledelse.command-retries=0",
                        "laeringsledelse.integrity.seal-interval=1s", "laeringsledelse.graphql.max-request-bytes=99")
                .run(context -> {
                    assertThat(context.getBean(ProcessingProperties.class).processorBatchSize()).isEqualTo(10);
                    assertThat(context.getBean(ProcessingProperties.class).projectionCache().toBytes())
                            .isEqualTo(1024 * 1024);
                    assertThat(context.getBean(ProcessingProperties.class).nodeId()).isEqualTo("a");
                    assertThat(context.getBean(AggregateProperties.class).commandRetries()).isZero();
                    assertThat(context.getBean(IntegrityProperties.class).sealInterval())
                            .isEqualTo(Duration.ofSeconds(1));
                    assertThat(context.getBean(GraphQlLimitProperties.class).maxRequestBytes()).isEqualTo(99);
                });
    }

    @ParameterizedTest
    @CsvSource({
            "laeringsledelse.processor-batch-size, -1",
            "laeringsledelse.processor-segments, 0",
            "laeringsledelse.projection-cache, -1MB",
            "laeringsledelse.audit-linger, -1ms",
            "laeringsledelse.token-claim-timeout, 0s",
            "laeringsledelse.snapshot-every, 0",
            "laeringsledelse.cached-cycles, -1",
            "laeringsledelse.command-retries, -1",
            "laeringsledelse.event-store.gap-timeout, 0s",
            "laeringsledelse.integrity.seal-interval, 0s",
            "laeringsledelse.security.dev-token-lifetime, 0s",
            "laeringsledelse.graphql.max-request-bytes, 0",
            "laeringsledelse.mode, staging",
    })
    void givenAnInvalidValue_whenStarting_thenRefusedNamingTheSetting(String setting, String value) {
        runner.withPropertyValues(setting + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(setting);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ProcessingProperties.class, AggregateProperties.class,
            EventStoreProperties.class, IntegrityProperties.class, DevIssuerProperties.class,
            GraphQlLimitProperties.class, DemoProperties.class})
    static class Settings {
    }
}
