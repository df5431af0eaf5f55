package dk.laeringsledelse.app.security;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An OAuth2 resource server: a bearer JWT, when present, must be valid (else 401 with a GraphQL-shaped error).
 * {@code /graphql} itself is open at the HTTP level so that a request without a token gets a GraphQL error with
 * code UNAUTHORIZED from {@link AuthenticationInterceptor}, which also covers WebSocket connections.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, failure) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(("{\"errors\":[{\"message\":\"the bearer token is missing, invalid or "
                    + "expired\",\"extensions\":{\"code\":\"UNAUTHORIZED\"}}]}").getBytes(StandardCharsets.UTF_8));
        };
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/graphql", "/graphiql", "/graphiql/**", "/dev/token",
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/error").permitAll()
                        // the audit export: a valid bearer token, then the controller checks the auditor role
                        .requestMatchers("/audit/**").authenticated()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
                .build();
    }
}
