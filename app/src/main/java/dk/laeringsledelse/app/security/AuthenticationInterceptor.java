package dk.laeringsledelse.app.security;

import dk.laeringsledelse.graphql.access.Authenticated;
import dk.laeringsledelse.graphql.access.SubscriptionGuard;
import dk.laeringsledelse.kernel.MetaDataKeys;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
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
 *
 * <p>A WebSocket connection outlives no token: once the token's {@code exp} has passed, every operation on it is
 * refused with UNAUTHORIZED, and its running subscriptions end ({@link SubscriptionGuard}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AuthenticationInterceptor implements WebSocketGraphQlInterceptor {

    private static final String CALLER = AuthenticationInterceptor.class.getName() + ".caller";

    private final JwtDecoder decoder;
    private final SubscriptionGuard subscriptions;
    private final Clock clock;
    private final Duration clockSkew;

    public AuthenticationInterceptor(JwtDecoder decoder, SubscriptionGuard subscriptions, Clock clock,
                                     TokenProperties tokens) {
        this.decoder = decoder;
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.clockSkew = tokens.clockSkew();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Mono<Authenticated> authenticated = request instanceof WebSocketGraphQlRequest ws
                ? webSocketCaller(ws.getSessionInfo())
                : Mono.justOrEmpty(httpCaller());
        return authenticated
                .map(caller -> {
                    if (caller.expiredAt(clock.instant())) {
                        return Mono.fromSupplier(() -> SubscriptionGuard.refusal(request, "UNAUTHORIZED",
                                ErrorType.UNAUTHORIZED, SubscriptionGuard.tokenExpired(caller)));
                    }
                    request.configureExecutionInput((input, builder) ->
                            builder.graphQLContext(Map.of(MetaDataKeys.ACTOR, caller.personId())).build());
                    return subscriptions.run(request, caller, chain);
                })
                .defaultIfEmpty(Mono.fromSupplier(() -> SubscriptionGuard.refusal(request, "UNAUTHORIZED",
                        ErrorType.UNAUTHORIZED, "authentication required: send a bearer token "
                                + "(Authorization: Bearer <JWT>) whose subject is your person id")))
                .flatMap(next -> next);
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
        Object header = payload.getOrDefault("Authorization", payload.get("authorization"));
        if (header instanceof String value && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                Jwt token = decoder.decode(value.substring(7).trim());
                if (!Subjects.isUsable(token.getSubject())) {
                    return Mono.error(new IllegalArgumentException("the token's subject is not a usable person id"));
                }
                info.getAttributes().put(CALLER, authenticated(token.getSubject(), token.getExpiresAt()));
            } catch (JwtException invalid) {
                // the connection is closed with 4401 Unauthorized
                return Mono.error(invalid);
            }
        }
        return Mono.empty();
    }

    private Mono<Authenticated> webSocketCaller(WebSocketSessionInfo info) {
        if (info.getAttributes().get(CALLER) instanceof Authenticated fromInit) {
            return Mono.just(fromInit);
        }
        // the token of the handshake's Authorization header
        return info.getPrincipal().mapNotNull(this::authenticated);
    }

    private Authenticated httpCaller() {
        return authenticated(SecurityContextHolder.getContext().getAuthentication());
    }

    private Authenticated authenticated(Principal principal) {
        if (principal instanceof JwtAuthenticationToken jwt && Subjects.isUsable(jwt.getName())) {
            return authenticated(jwt.getName(), jwt.getToken().getExpiresAt());
        }
        return null;
    }

    /** A token counts until its {@code exp} plus the clock skew the decoder allows too, on HTTP and WebSocket alike. */
    private Authenticated authenticated(String personId, Instant expiresAt) {
        return new Authenticated(personId, expiresAt == null ? null : expiresAt.plus(clockSkew));
    }
}
