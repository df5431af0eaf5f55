package dk.laeringsledelse.graphql.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much one GraphQL request may ask for (see {@link GraphQlLimits}).
 *
 * @param maxDepth deepest field nesting a query may have
 * @param maxCost  the budget of one request in {@link QueryCost} points: a plain field costs 1, an as-of replay or
 *                 an integrity check 1,000; a page's fields count once per item it may hold
 * @param maxRequestBytes largest request body (see {@code GraphQlBodyFilter})
 */
@ConfigurationProperties("laeringsledelse.graphql")
public record GraphQlLimitProperties(@DefaultValue("12") int maxDepth, @DefaultValue("25000") long maxCost,
                                     @DefaultValue("262144") int maxRequestBytes) {

    public GraphQlLimitProperties {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("laeringsledelse.graphql.max-depth must be at least 1, not " + maxDepth);
        }
        if (maxCost < 1) {
            throw new IllegalArgumentException("laeringsledelse.graphql.max-cost must be at least 1, not " + maxCost);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("laeringsledelse.graphql.max-request-bytes must be at least 1, not "
                    + maxRequestBytes);
        }
    }
}
