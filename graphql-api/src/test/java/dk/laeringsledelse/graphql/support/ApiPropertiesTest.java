package dk.laeringsledelse.graphql.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ApiPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class);

    @Test
    void givenNothingSet_thenTheDocumentedDefaults() {
        runner.run(context -> {
            ApiProperties properties = context.getBean(ApiProperties.class);
            assertThat(properties.version()).isEqualTo("dev");
            assertThat(properties.readYourWritesTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.security().operators()).isEmpty();
        });
    }

    @Test
    void givenOperators_thenBoundAsASet() {
        runner.withPropertyValues("laeringsledelse.security.operators=ops1,ops2").run(context ->
                assertThat(context.getBean(ApiProperties.class).security().operators())
                        .containsExactlyInAnyOrder("ops1", "ops2"));
    }

    @Test
    void givenAnEmptyOperatorsSetting_thenNoOperators() {
        runner.withPropertyValues("laeringsledelse.security.operators=").run(context ->
                assertThat(context.getBean(ApiProperties.class).security().operators()).isEmpty());
    }

    @Test
    void givenAZeroReadYourWritesTimeout_whenStarting_thenRefusedNamingTheSetting() {
        runner.withPropertyValues("laeringsledelse.read-your-writes-timeout=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("laeringsledelse.read-your-writes-timeout");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ApiProperties.class)
    static class Settings {
    }
}
