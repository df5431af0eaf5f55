package dk.laeringsledelse.graphql.support;

import dk.laeringsledelse.kernel.CommandOutcome;
import dk.laeringsledelse.kernel.MetaDataKeys;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Sends a mutation's command with who-is-acting metadata and answers with the read model as it reads after the
 * command (read-your-own-writes): it subscribes to the view before sending, then waits, bounded, until the view
 * reflects the version the command produced.
 */
@Component
public class CommandDispatcher {

    private static final Duration READ_IF_NO_UPDATE_WITHIN = Duration.ofMillis(50);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Duration readYourWritesTimeout;

    public CommandDispatcher(CommandGateway commands, QueryGateway queries,
                             ApiProperties properties) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWritesTimeout = properties.readYourWritesTimeout();
    }

    /**
     * @param actorRole    the role the actor acts in (recorded for auditors), or null
     * @param query        the query whose subscription delivers the updated view
     * @param viewType     the view class
     * @param versionOf    the version (last applied sequence number) of a view
     * @param fallbackRead reads the view directly, for when no update arrives in time (e.g. another node projects)
     */
    public <V> Sent<V> send(Object command, String actor, String actorRole, String idempotencyKey,
                            Object query, Class<V> viewType, ToLongFunction<V> versionOf,
                            Function<Object, V> fallbackRead) {
        MetaData metaData = MetaData.with(MetaDataKeys.ACTOR, actor);
        if (actorRole != null) {
            metaData = metaData.and(MetaDataKeys.ACTOR_ROLE, actorRole);
        }
        if (idempotencyKey != null) {
            metaData = metaData.and(MetaDataKeys.IDEMPOTENCY_KEY, idempotencyKey);
        }
        SubscriptionQueryResult<V, V> subscription = queries.subscriptionQuery(
                query, ResponseTypes.instanceOf(viewType), ResponseTypes.instanceOf(viewType));
        try {
            Object result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            CommandOutcome outcome = CommandOutcome.from(result);
            // The change arrives as an update of the view; the view as it is now is read only when none has shown the
            // change a moment after the answer (a repeated command, same idempotency key, changes nothing). So a
            // mutation costs no read of its whole view (a cycle's grows with its signs) on top of the update.
            V view = Flux.merge(subscription.updates(),
                            subscription.initialResult().delaySubscription(READ_IF_NO_UPDATE_WITHIN))
                    .filter(v -> versionOf.applyAsLong(v) >= outcome.version())
                    .next()
                    .timeout(readYourWritesTimeout, reactor.core.publisher.Mono.empty())
                    // recorded already: a store failure while reading back is "not yet visible", not "refused"
                    .onErrorResume(ErrorMapping::storeUnavailable, e -> reactor.core.publisher.Mono.empty())
                    .block();
            if (view == null) {
                view = readRecorded(fallbackRead, query);
            }
            if (view == null) {
                throw new ChangeNotYetVisible(outcome.id(), readYourWritesTimeout);
            }
            return new Sent<>(outcome.id(), view);
        } finally {
            subscription.cancel();
        }
    }

    /** After the command was recorded a failing store must not be reported as "nothing was recorded". */
    private static <V> V readRecorded(Function<Object, V> read, Object query) {
        try {
            return read.apply(query);
        } catch (RuntimeException e) {
            if (ErrorMapping.storeUnavailable(e)) {
                return null;
            }
            throw e;
        }
    }

    /** The command was recorded, but its view could not be read back in time. */
    public static class ChangeNotYetVisible extends RuntimeException {
        ChangeNotYetVisible(String id, Duration waited) {
            super("the change was recorded" + (id == null ? "" : " (id " + id + ")") + " but is not yet visible after "
                    + waited.toMillis() + " ms; read it again shortly");
        }
    }

    /** The id the command created (if any) and the view after it. */
    public record Sent<V>(String id, V view) {
    }

}
