package dk.laeringsledelse.graphql.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

/** What a request costs: expensive fields by their work, pages by their size, aliases each again. */
class QueryCostTest {

    private static final String SCHEMA = """
            type Query {
                version: String
                teamProgress(teamId: ID!, asOf: String): TeamProgress
                eventHistory(first: Int = 50): EventHistoryConnection
                verifyIntegrity(aggregateId: ID!): Verification
            }
            type TeamProgress { teamId: ID  teamName: String }
            type EventHistoryConnection { edges: [Edge] }
            type Edge { cursor: String  node: Event }
            type Event { position: String  eventType: String }
            type Verification { ok: Boolean }
            """;

    private static final GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse(SCHEMA), RuntimeWiring.newRuntimeWiring().build());

    @Test
    void aPlainFieldCostsOnePlusItsSelection() {
        assertThat(cost("{ version }")).isEqualTo(1);
        assertThat(cost("{ teamProgress(teamId: \"t\") { teamId teamName } }")).isEqualTo(3);
    }

    @Test
    void anAsOfReplayOrAnIntegrityCheckCostsAThousand() {
        assertThat(cost("{ teamProgress(teamId: \"t\", asOf: \"2026-01-01T00:00:00Z\") { teamId } }")).isEqualTo(1001);
        assertThat(cost("query($at: String) { teamProgress(teamId: \"t\", asOf: $at) { teamId } }")).isEqualTo(2);
        assertThat(cost("{ verifyIntegrity(aggregateId: \"a\") { ok } }")).isEqualTo(1001);
    }

    @Test
    void everyAliasCostsAgain() {
        assertThat(cost("{ a: teamProgress(teamId: \"t\", asOf: \"x\") { teamId } "
                + "b: teamProgress(teamId: \"t\", asOf: \"x\") { teamId } }")).isEqualTo(2002);
    }

    @Test
    void aPageCostsItsSelectionOncePerItemItMayHold() {
        // edges { cursor node { position eventType } } = 1 + 1 + 3 = 5 per item
        String page = "eventHistory(first: %s) { edges { cursor node { position eventType } } }";
        assertThat(cost("{ " + page.formatted("2") + " }")).isEqualTo(10 + 2 * 5);
        assertThat(cost("{ eventHistory { edges { cursor node { position eventType } } } }")).isEqualTo(10 + 50 * 5);
        // beyond what the readers accept (they refuse it): costed as their largest page, never overflowing
        assertThat(cost("{ " + page.formatted("2000000000") + " }")).isEqualTo(10 + 200 * 5);
        assertThat(cost("{ " + page.formatted("-3") + " }")).isEqualTo(10 + 5);
    }

    @Test
    void overTheBudgetTheRequestIsRefusedBeforeAnythingRuns() {
        ExecutionResult result = GraphQL.newGraphQL(schema).instrumentation(new QueryCost(2000)).build()
                .execute("{ a: verifyIntegrity(aggregateId: \"a\") { ok } "
                        + "b: verifyIntegrity(aggregateId: \"b\") { ok } }");

        assertThat((Object) result.getData()).isNull();
        GraphQLError error = result.getErrors().get(0);
        assertThat(error.getMessage()).startsWith("the request is too expensive: it would cost 2002 points, "
                + "the budget is 2000");
        assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST").containsEntry("cost", 2002L)
                .containsEntry("budget", 2000L);
    }

    /** The cost, as the refusal with a budget of nothing tells it. */
    private static long cost(String query) {
        ExecutionResult result = GraphQL.newGraphQL(schema).instrumentation(new QueryCost(0)).build().execute(query);
        assertThat(result.getErrors()).singleElement().isInstanceOf(QueryCost.TooExpensive.class);
        return (Long) result.getErrors().get(0).getExtensions().get("cost");
    }
}
