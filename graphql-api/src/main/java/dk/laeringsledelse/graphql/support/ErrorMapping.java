package dk.laeringsledelse.graphql.support;

import dk.laeringsledelse.kernel.ErrorCode;
import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.kernel.measurement.MeasurementImportRejected;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every error a client sees has {@code extensions.code} (BAD_REQUEST, NOT_FOUND, CONFLICT, UNAVAILABLE or
 * INTERNAL_ERROR) and a message naming the field and the rule; never a stack trace.
 */
@Component
public class ErrorMapping extends DataFetcherExceptionResolverAdapter implements WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable thrown, DataFetchingEnvironment env) {
        return map(thrown, env);
    }

    /**
     * The error a client sees for this failure.
     *
     * @param env the failing field's environment, or null for a failure in a subscription's stream
     */
    static GraphQLError map(Throwable thrown, DataFetchingEnvironment env) {
        Throwable error = unwrap(thrown);
        if (error instanceof RuleViolation violation) {
            // a mutation's fields sit under its one `input` argument: name them as the client wrote them
            String field = env != null && env.getArguments().containsKey("input")
                    ? "input." + violation.field() : violation.field();
            GraphQLError mapped = error(env, violation.code().name(), violation.getMessage(), field);
            if (violation instanceof MeasurementImportRejected rejected) {
                // every bad row of an import, for clients that show them next to the file's lines
                Map<String, Object> extensions = new LinkedHashMap<>(mapped.getExtensions());
                extensions.put("rowErrors", rejected.rowErrors().stream().map(row -> Map.of(
                        "line", row.line(), "field", row.field(), "reason", row.reason())).toList());
                return builder(env).message(mapped.getMessage()).extensions(extensions).build();
            }
            return mapped;
        }
        if (error instanceof AggregateNotFoundException) {
            return error(env, ErrorCode.NOT_FOUND.name(), "nothing with this id exists", null);
        }
        if (error instanceof AggregateStreamCreationException) {
            // aggregate ids are unique across the event store: e.g. a team id that a cycle or institution has
            return error(env, ErrorCode.CONFLICT.name(), "this id is already taken; choose another", null);
        }
        if (error instanceof ConcurrencyException) {
            return error(env, ErrorCode.CONFLICT.name(),
                    "this was changed by someone else at the same moment; try again", null);
        }
        if (error instanceof CommandDispatcher.ChangeNotYetVisible) {
            return error(env, "TIMEOUT", error.getMessage(), null);
        }
        if (storeUnavailable(thrown)) {
            log.warn("Store unavailable while handling {}: {}", fieldName(env), error.toString());
            return error(env, "UNAVAILABLE", "the store is not reachable right now; nothing was recorded, try again", null);
        }
        log.error("Unexpected failure in {}", fieldName(env), error);
        return error(env, "INTERNAL_ERROR", "an unexpected error occurred; it has been logged", null);
    }

    private static GraphQLError error(DataFetchingEnvironment env, String code, String message, String field) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        if (field != null) {
            extensions.put("field", field);
        }
        return builder(env).message(message).extensions(extensions).build();
    }

    private static GraphqlErrorBuilder<?> builder(DataFetchingEnvironment env) {
        return env == null ? GraphqlErrorBuilder.newError() : GraphqlErrorBuilder.newError(env);
    }

    private static String fieldName(DataFetchingEnvironment env) {
        return env == null ? "a subscription" : env.getField().getName();
    }

    /** The store did not answer in time or could not be reached; the engine may have wrapped the cause. */
    static boolean storeUnavailable(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof com.mongodb.MongoTimeoutException
                    || cause instanceof com.mongodb.MongoSocketException
                    || cause instanceof com.mongodb.MongoNotPrimaryException
                    || cause instanceof com.mongodb.MongoNodeIsRecoveringException
                    || cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof CommandExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** Schema validation and syntax errors (raised before any data fetcher runs) are the client's: BAD_REQUEST. */
    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getErrors().stream().allMatch(e -> e.getExtensions().containsKey("code"))) {
                return response;
            }
            return response.transform(builder -> builder.errors(withCodes(response.getErrors())));
        });
    }

    private static List<GraphQLError> withCodes(List<org.springframework.graphql.ResponseError> errors) {
        return errors.stream().map(e -> {
            Map<String, Object> extensions = new LinkedHashMap<>(e.getExtensions());
            extensions.putIfAbsent("code", e.getErrorType().toString().equals("INTERNAL_ERROR")
                    ? "INTERNAL_ERROR" : ErrorCode.BAD_REQUEST.name());
            return (GraphQLError) GraphqlErrorBuilder.newError()
                    .message(e.getMessage())
                    .locations(e.getLocations())
                    .path(e.getParsedPath())
                    .errorType(e.getErrorType())
                    .extensions(extensions)
                    .build();
        }).toList();
    }
}
