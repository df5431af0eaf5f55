package dk.laeringsledelse.app.security;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits that keep one request from exhausting the service: query depth and complexity (graphql-java counts one
 * point per field, so a page of 200 cycles with ten fields each costs about 2,000). The request size is limited
 * before anything reads the body, in {@code GraphQlBodyFilter}.
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlLimits {

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(@Value("${laeringsledelse.graphql.max-depth:12}") int maxDepth) {
        return new MaxQueryDepthInstrumentation(maxDepth);
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(
            @Value("${laeringsledelse.graphql.max-complexity:1000}") int maxComplexity) {
        return new MaxQueryComplexityInstrumentation(maxComplexity);
    }
}
