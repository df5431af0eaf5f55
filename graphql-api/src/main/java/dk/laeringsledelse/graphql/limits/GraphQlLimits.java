package dk.laeringsledelse.graphql.limits;

import graphql.analysis.MaxQueryDepthInstrumentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits that keep one request from exhausting the service, checked after validation and before anything runs:
 * query depth, and the request's cost ({@link QueryCost}), which counts work rather than fields. The request size
 * is limited before anything reads the body, in {@code GraphQlBodyFilter}.
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlLimits {

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimitProperties limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth());
    }

    @Bean
    QueryCost queryCost(GraphQlLimitProperties limits) {
        return new QueryCost(limits.maxCost());
    }
}
