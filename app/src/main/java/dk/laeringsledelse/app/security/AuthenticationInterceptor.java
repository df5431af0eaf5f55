package dk.laeringsledelse.app.security;

import dk.laeringsledelse.kernel.MetaDataKeys;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.security.Principal;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every GraphQL operation runs as an authenticated person, whose id (the token's subject) becomes the actor in the
 * metadata of every event it causes. Over HTTP the resource server has validated the bearer token; over WebSocket
 * the token comes in the handshake's Authorization header or, as browsers must send it, in the
 * {@code connection_init} payload ({@code {"Authorization": "Bearer ..."}}). Without one: code UNAUTHORIZED.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AuthenticationInterceptor implements WebSocketGraphQlInterceptor {

    private static final String SUBJECT = AuthenticationInterceptor.class.getName() + ".subject";

    private final JwtDecoder decoder;

    public AuthenticationInterceptor(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Mono<String> subject = request instanceof WebSocketGraphQlRequest ws
                ? webSocketSubject(ws.getSessionInfo())
                : Mono.justOrEmpty(httpSubject());
        return subject
                .map(personId -> {
                    request.configureExecutionInput((input, builder) ->
                            builder.graphQLContext(Map.of(MetaDataKeys.ACTOR, personId)).build());
                    return chain.next(request);
                })
                .defaultIfEmpty(Mono.fromSupplier(() -> unauthorized(request)))
                .flatMap(next -> next);
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
        Object header = payload.getOrDefault("Authorization", payload.get("authorization"));
        if (header instanceof String value && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                String personId = decoder.decode(value.substring(7).trim()).getSubject();
                if (!Subjects.isUsable(personId)) {
                    return Mono.error(new IllegalArgumentException("the token's subject is not a usable person id"));
                }
                info.getAttributes().put(SUBJECT, personId);
            } catch (JwtException invalid) {
                // the connection is closed with 4401 Unauthorized
                return Mono.error(invalid);
            }
        }
        return Mono.empty();
    }

    private static Mono<String> webSocketSubject(WebSocketSessionInfo info) {
        Object fromInit = info.getAttributes().get(SUBJECT);
        if (fromInit instanceof String personId) {
            return Mono.just(personId);
        }
        return info.getPrincipal().map(Principal::getName).filter(Subjects::isUsable);
    }

    private static String httpSubject() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt && Subjects.isUsable(jwt.getName())) {
            return jwt.getName();
        }
        return null;
    }

    private static WebGraphQlResponse unauthorized(WebGraphQlRequest request) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError()
                        .message("authentication required: send a bearer token (Authorization: Bearer <JWT>) "
                                + "whose subject is your person id")
                        .errorType(ErrorType.UNAUTHORIZED)
                        .extensions(Map.of("code", "UNAUTHORIZED"))
                        .build())
                .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
