package dk.laeringsledelse.graphql.support;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the GraphQL API reads of the configuration.
 *
 * @param version               the product's version, answered by the {@code version} query
 * @param readYourWritesTimeout how long a mutation waits for its own change to be projected ({@link CommandDispatcher})
 * @param security              who operates the installation
 */
@ConfigurationProperties("laeringsledelse")
public record ApiProperties(@DefaultValue("dev") String version,
                            @DefaultValue("5s") Duration readYourWritesTimeout,
                            @DefaultValue Security security) {

    public ApiProperties {
        if (readYourWritesTimeout.isNegative() || readYourWritesTimeout.isZero()) {
            throw new IllegalArgumentException("laeringsledelse.read-your-writes-timeout must be positive, not "
                    + readYourWritesTimeout);
        }
    }

    /**
     * @param operators person ids (token subjects) who operate the installation: register municipalities and appoint
     *                  their admins
     */
    public record Security(Set<String> operators) {

        public Security {
            operators = operators == null ? Set.of() : Set.copyOf(operators);
        }
    }
}
