package dk.laeringsledelse.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** Demo mode, whose token issuer signs a token for anyone, listens on loopback unless an address is set. */
class ModeDefaultsTest {

    private final ModeDefaults defaults = new ModeDefaults(Supplier::get);

    @Test
    void givenDemoMode_whenNoAddressIsSet_thenItListensOnLoopbackOnly() {
        MockEnvironment environment = new MockEnvironment();

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ModeDefaults.MODE)).isEqualTo("demo");
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void givenDemoMode_whenAnAddressIsSetExplicitly_thenThatAddressWins() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.address", "0.0.0.0");

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("server.address")).isEqualTo("0.0.0.0");
    }

    @Test
    void givenProductionMode_thenTheAddressIsLeftAsSpringBootHasIt() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("laeringsledelse.store.uri", "mongodb://db.example:27017/?replicaSet=rs0");

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ModeDefaults.MODE)).isEqualTo("production");
        assertThat(environment.getProperty("server.address")).isNull();
    }
}
