package dk.laeringsledelse.command.support;

import dk.laeringsledelse.kernel.CommandOutcome;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * Every command answers with what it created (or null) and its aggregate's version after it, so that the caller can
 * wait until a read model reflects its own write. Each aggregate's {@code @CommandHandlerInterceptor} calls this:
 * the version is only known inside the aggregate's scope.
 */
public final class Outcomes {

    private Outcomes() {
    }

    public static CommandOutcome withVersion(InterceptorChain chain) throws Exception {
        Object created = chain.proceed();
        Long version = AggregateLifecycle.getVersion();
        return new CommandOutcome(created == null ? null : created.toString(), version == null ? -1 : version);
    }
}
