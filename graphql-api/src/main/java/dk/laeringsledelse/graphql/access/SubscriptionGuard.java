package dk.laeringsledelse.graphql.access;

import dk.laeringsledelse.kernel.ErrorCode;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor.Chain;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What every live subscription pushes passes here, whatever the feature: a subscription ends with FORBIDDEN as soon
 * as it would push something after one of the caller's roles was removed (the controllers checked access once,
 * when subscribing), and with UNAUTHORIZED when the caller's token expires. One WebSocket connection may hold at most
 * {@link SubscriptionProperties#maxPerConnection()} active subscriptions.
 */
@Component
public class SubscriptionGuard {

    private static final String ACTIVE = SubscriptionGuard.class.getName() + ".active";

    private final Callers callers;
    private final Clock clock;
    private final int maxPerConnection;

    public SubscriptionGuard(Callers callers, Clock clock, SubscriptionProperties properties) {
        this.callers = callers;
        this.clock = clock;
        this.maxPerConnection = properties.maxPerConnection();
    }

    /** Runs the request as this person; a subscription's stream is guarded. */
    public Mono<WebGraphQlResponse> run(WebGraphQlRequest request, Authenticated caller, Chain chain) {
        if (!isSubscription(request)) {
            return chain.next(request);
        }
        // the roles access was decided on; what the subscription pushes later is only sent while the caller has them
        Caller atStart = callers.of(caller.personId());
        Slot slot = request instanceof WebSocketGraphQlRequest ws
                ? Slot.reserve(ws.getSessionInfo().getAttributes(), maxPerConnection)
                : Slot.UNCOUNTED;
        if (slot == null) {
            return Mono.just(refusal(request, ErrorCode.BAD_REQUEST.name(), ErrorType.BAD_REQUEST,
                    "at most " + maxPerConnection + " subscriptions may be active on one connection; "
                            + "complete one before you subscribe again"));
        }
        return chain.next(request)
                .map(response -> {
                    if (response.getData() instanceof Publisher<?> items) {
                        return response.transform(builder -> builder.data(guarded(items, caller, atStart, slot)));
                    }
                    slot.release();
                    return response;
                })
                .doOnError(error -> slot.release())
                .doOnCancel(slot::release);
    }

    private Flux<Object> guarded(Publisher<?> items, Authenticated caller, Caller atStart, Slot slot) {
        Flux<Object> guarded = Flux.<Object>from(items)
                // off the thread that emitted the item (often a projection's), since the check reads the roles
                .publishOn(Schedulers.boundedElastic())
                .map(item -> {
                    requireUnchangedAccess(atStart);
                    return item;
                });
        if (caller.expiresAt() != null) {
            Duration left = Duration.between(clock.instant(), caller.expiresAt());
            AtomicBoolean expired = new AtomicBoolean();
            guarded = guarded
                    .takeUntilOther(Mono.delay(left.isNegative() ? Duration.ZERO : left)
                            .doOnNext(tick -> expired.set(true)))
                    .concatWith(Mono.defer(() -> expired.get()
                            ? Mono.error(ended("UNAUTHORIZED", ErrorType.UNAUTHORIZED, tokenExpired(caller)))
                            : Mono.empty()));
        }
        return guarded.doFinally(signal -> slot.release());
    }

    /** Access only grows with roles: while the caller holds every role they held when subscribing, it still holds. */
    private void requireUnchangedAccess(Caller atStart) {
        Caller now = callers.of(atStart.personId());
        if (now.operator() != atStart.operator() || !now.assignments().containsAll(atStart.assignments())) {
            throw ended(ErrorCode.FORBIDDEN.name(), ErrorType.FORBIDDEN, "your roles changed after you subscribed, "
                    + "so this subscription has ended; subscribe again to follow what you may still read");
        }
    }

    public static String tokenExpired(Authenticated caller) {
        return "your token expired at " + caller.expiresAt() + "; connect again with a new token";
    }

    private static SubscriptionPublisherException ended(String code, ErrorType type, String message) {
        return new SubscriptionPublisherException(List.of(error(code, type, message)), null);
    }

    /**
     * A request refused before it runs. A subscription is refused as the controllers refuse one, through its stream
     * (an {@code error} message on a WebSocket); a query or mutation answers the error.
     */
    public static WebGraphQlResponse refusal(WebGraphQlRequest request, String code, ErrorType type,
                                             String message) {
        ExecutionResult result = isSubscription(request)
                ? ExecutionResult.newExecutionResult().data(Flux.error(ended(code, type, message))).build()
                : ExecutionResult.newExecutionResult().addError(error(code, type, message)).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }

    private static GraphQLError error(String code, ErrorType type, String message) {
        return GraphqlErrorBuilder.newError().message(message).errorType(type).extensions(Map.of("code", code))
                .build();
    }

    /** Whether the operation the request runs is a subscription (a document that does not parse is not). */
    static boolean isSubscription(WebGraphQlRequest request) {
        String document = request.getDocument();
        if (!document.contains("subscription")) {
            return false;
        }
        try {
            Document parsed = Parser.parse(document);
            String name = request.getOperationName();
            return parsed.getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(operation -> name == null || name.equals(operation.getName()))
                    .findFirst()
                    .map(operation -> operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION)
                    .orElse(false);
        } catch (InvalidSyntaxException notParsed) {
            // GraphQL execution answers the syntax error
            return false;
        }
    }

    /** One active subscription of a connection, released once when it ends however it ends. */
    private static final class Slot {

        static final Slot UNCOUNTED = new Slot(new AtomicInteger());

        private final AtomicInteger active;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(AtomicInteger active) {
            this.active = active;
        }

        /** A slot of the connection, or null when all are taken. */
        static Slot reserve(Map<String, Object> connection, int max) {
            AtomicInteger active = (AtomicInteger) connection.computeIfAbsent(ACTIVE, key -> new AtomicInteger());
            if (active.incrementAndGet() > max) {
                active.decrementAndGet();
                return null;
            }
            return new Slot(active);
        }

        void release() {
            if (this != UNCOUNTED && released.compareAndSet(false, true)) {
                active.decrementAndGet();
            }
        }
    }
}
