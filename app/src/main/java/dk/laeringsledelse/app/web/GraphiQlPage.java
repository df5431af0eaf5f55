package dk.laeringsledelse.app.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Our GraphiQL page at {@code /graphiql}, in place of Spring GraphQL's, which loads its scripts from a public CDN
 * and so shows only "Loading…" without internet. Every asset comes from the application: GraphiQL and React from
 * their WebJars (Maven dependencies) under {@code /graphiql/assets/}, which the security rules already leave open
 * with the page. In demo mode the page lets the user pick a demo person and sends that person's token.
 * On wherever GraphiQL is on ({@code spring.graphql.graphiql.enabled}, by default in demo mode only).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.graphql.graphiql.enabled", havingValue = "true")
public class GraphiQlPage implements WebMvcConfigurer {

    static final String PATH = "/graphiql";
    private static final Resource PAGE = new ClassPathResource("graphiql/index.html");

    /** Before Spring GraphQL's router (order 0), which would otherwise answer the same path with its CDN page. */
    @Bean
    @Order(-1)
    RouterFunction<ServerResponse> graphiQlPageRoute() {
        return RouterFunctions.route()
                .GET(PATH, request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).body(PAGE))
                .build();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PATH + "/assets/**").addResourceLocations("classpath:/META-INF/resources/webjars/");
        registry.addResourceHandler(PATH + "/page/**").addResourceLocations("classpath:/graphiql/");
    }
}
