package dk.laeringsledelse.app.security;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Two modes with safe defaults. {@code demo} (the default without {@code MONGODB_URI}): the built-in development
 * token issuer, GraphiQL and introspection are on, so that the one-command run can be tried at once; since that
 * issuer signs a token for anyone, the application listens on 127.0.0.1 only. {@code production} (the default with
 * {@code MONGODB_URI}): all three are off and tokens come from the configured identity provider. Each default yields
 * to an explicit setting; it is added last, below every other source.
 */
public class ModeDefaults implements EnvironmentPostProcessor, Ordered {

    public static final String MODE = "laeringsledelse.mode";
    static final String SERVER_ADDRESS = "server.address";
    static final String LOOPBACK = "127.0.0.1";

    private final Log log;

    public ModeDefaults(DeferredLogFactory logs) {
        this.log = logs.getLog(ModeDefaults.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String uri = environment.getProperty("laeringsledelse.store.uri", "");
        String mode = environment.getProperty(MODE, uri.isBlank() ? "demo" : "production");
        if (!mode.equals("demo") && !mode.equals("production")) {
            throw new IllegalArgumentException(MODE + " must be demo or production, not " + mode);
        }
        boolean demo = mode.equals("demo");
        Map<String, Object> defaults = new HashMap<>(Map.of(
                MODE, mode,
                "laeringsledelse.security.dev-issuer", String.valueOf(demo),
                "spring.graphql.graphiql.enabled", String.valueOf(demo),
                "spring.graphql.schema.introspection.enabled", String.valueOf(demo)));
        if (demo) {
            String address = environment.getProperty(SERVER_ADDRESS);
            if (address == null) {
                defaults.put(SERVER_ADDRESS, LOOPBACK);
                log.info("Demo mode: listening on " + LOOPBACK + " only, since POST /dev/token signs a token for "
                        + "anyone; set " + SERVER_ADDRESS + " (SERVER_ADDRESS) to listen elsewhere");
            } else {
                log.warn("Demo mode on " + SERVER_ADDRESS + " " + address + ": whoever reaches it can get a token "
                        + "for any person from POST /dev/token");
            }
        }
        environment.getPropertySources().addLast(new MapPropertySource("laeringsledelse-mode-defaults", defaults));
    }

    @Override
    public int getOrder() {
        // after the application's configuration files are loaded, so that MONGODB_URI in them counts
        return Ordered.LOWEST_PRECEDENCE;
    }
}
