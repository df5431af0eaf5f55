package dk.laeringsledelse.app.security;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits that keep one request from exhausting the service: query depth and complexity (graphql-java counts one
 * point per field, so a page of 200 cycles with ten fields each costs about 2,000), and request size.
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

    /** Bodies over the limit are refused before they are read: 413 with a GraphQL-shaped error. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> maxRequestSize(
            @Value("${laeringsledelse.graphql.max-request-bytes:262144}") long maxBytes) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (request.getContentLengthLong() > maxBytes) {
                    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.getOutputStream().write(("{\"errors\":[{\"message\":\"the request is larger than "
                            + maxBytes + " bytes\",\"extensions\":{\"code\":\"BAD_REQUEST\"}}]}")
                            .getBytes(StandardCharsets.UTF_8));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/graphql");
        registration.setOrder(Integer.MIN_VALUE);
        return registration;
    }
}
