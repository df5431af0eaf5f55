package dk.laeringsledelse.graphql.support;

import graphql.GraphQLError;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Failures of subscriptions (a refused subscription included: Spring GraphQL sends what a subscription method throws
 * through the stream) get the same codes and messages as those of queries and mutations.
 */
@Component
public class SubscriptionErrorMapping extends SubscriptionExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception) {
        return ErrorMapping.map(exception, null);
    }
}
