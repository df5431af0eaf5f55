package dk.laeringsledelse.graphql.limits;

import dk.laeringsledelse.query.support.Cursors;
import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refuses a request whose work would exceed the budget, before any of it runs (code BAD_REQUEST). A field costs 1
 * plus what is selected under it; a field that replays events or reads a whole history or store costs what that
 * work is worth beside a plain read ({@link #WEIGHTS}, and any field given an {@code asOf}: a replay); a page
 * ({@code first:}) costs what is selected under it once per item it may hold; every alias costs again. graphql-java's
 * own complexity limit counts fields only, so 499 aliases of one as-of replay passed it and ran for 18 s.
 */
public class QueryCost extends SimplePerformantInstrumentation {

    /** Replaying an aggregate's or a team's events (as of a moment), or verifying an aggregate's hash chain. */
    static final long REPLAY = 1_000;
    /** Figures over every team of an institution or municipality. */
    static final long OVERVIEW = 100;
    /** A read of the whole store: every read model's digest, a rebuild, a verification of every aggregate. */
    static final long WHOLE_STORE = 10_000;
    /** The reads of a history page, before its items. */
    static final long PAGE = 10;

    static final Map<String, Long> WEIGHTS = Map.of(
            "Query.verifyIntegrity", REPLAY,
            "Query.institutionOverview", OVERVIEW,
            "Query.municipalityOverview", OVERVIEW,
            "Subscription.institutionOverviewChanged", OVERVIEW,
            "Query.eventHistory", PAGE,
            "Query.teamTimeline", PAGE,
            "Query.learningCycles", PAGE,
            "Query.projectionDigest", WHOLE_STORE,
            "Mutation.rebuildProjections", WHOLE_STORE,
            "Mutation.verifyAllIntegrity", WHOLE_STORE);

    /** Far above any budget and far below overflow, whatever a document multiplies. */
    private static final long CEILING = 1L << 40;

    private final long budget;

    public QueryCost(long budget) {
        this.budget = budget;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        long cost = costOf(parameters.getExecutionContext());
        if (cost > budget) {
            throw new TooExpensive(cost, budget);
        }
        return SimpleInstrumentationContext.noOp();
    }

    static long costOf(ExecutionContext context) {
        QueryTraverser traverser = QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getExecutionInput().getOperationName())
                .coercedVariables(context.getCoercedVariables())
                .build();
        // post order: a field's children are costed before it; keyed as graphql-java's own complexity calculator is
        Map<QueryVisitorFieldEnvironment, Long> childCosts = new HashMap<>();
        long[] total = {0};
        traverser.visitPostOrder(new QueryVisitorStub() {
            @Override
            public void visitField(QueryVisitorFieldEnvironment env) {
                if (env.isTypeNameIntrospectionField()) {
                    return;
                }
                long cost = fieldCost(env, childCosts.getOrDefault(env, 0L));
                if (env.getParentEnvironment() == null) {
                    total[0] = add(total[0], cost);
                } else {
                    childCosts.merge(env.getParentEnvironment(), cost, QueryCost::add);
                }
            }
        });
        return total[0];
    }

    private static long fieldCost(QueryVisitorFieldEnvironment env, long children) {
        String name = env.getFieldsContainer().getName() + "." + env.getFieldDefinition().getName();
        long own = WEIGHTS.getOrDefault(name, 1L);
        if (env.getFieldDefinition().getArgument("asOf") != null && env.getArguments().get("asOf") != null) {
            own = Math.max(own, REPLAY);
        }
        long items = env.getFieldDefinition().getArgument("first") == null ? 1
                : pageSize(env.getArguments().get("first"));
        return add(own, Math.min(CEILING, items * children));
    }

    /** The items a page may hold: what {@code first} asks, within the page sizes the readers accept. */
    private static long pageSize(Object first) {
        if (first instanceof Number n) {
            return Math.max(1, Math.min(n.longValue(), Cursors.MAX_PAGE));
        }
        return Cursors.MAX_PAGE;
    }

    private static long add(long a, long b) {
        return Math.min(CEILING, a + b);
    }

    /** The refusal: a GraphQL error with the cost and the budget, for clients that want to adjust. */
    static final class TooExpensive extends AbortExecutionException {

        private final long cost;
        private final long budget;

        TooExpensive(long cost, long budget) {
            super("the request is too expensive: it would cost " + cost + " points, the budget is " + budget
                    + " (as-of replays and integrity checks cost 1000 each, overviews 100, a page's fields count "
                    + "once per item; ask for fewer aliases or smaller pages)");
            this.cost = cost;
            this.budget = budget;
        }

        @Override
        public Map<String, Object> getExtensions() {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("code", "BAD_REQUEST");
            extensions.put("cost", cost);
            extensions.put("budget", budget);
            return extensions;
        }
    }
}
