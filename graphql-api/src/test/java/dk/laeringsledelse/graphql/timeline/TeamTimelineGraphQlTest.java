package dk.laeringsledelse.graphql.timeline;

import dk.laeringsledelse.query.timeline.TimelineTestData;
import dk.laeringsledelse.query.timeline.TimelineEntries;
import dk.laeringsledelse.query.timeline.TeamTimelineReader;
import dk.laeringsledelse.query.timeline.TeamTimelineProjection;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.organisation.MunicipalityId;
import dk.laeringsledelse.kernel.organisation.PersonId;
import dk.laeringsledelse.kernel.organisation.Role;
import dk.laeringsledelse.kernel.organisation.TeamRegistered;
import dk.laeringsledelse.kernel.organisation.TeamRoleAssigned;
import dk.laeringsledelse.graphql.access.Callers;
import dk.laeringsledelse.graphql.support.ApiProperties;
import dk.laeringsledelse.graphql.support.ErrorMapping;
import dk.laeringsledelse.query.organisation.OrganisationProjection;
import dk.laeringsledelse.query.organisation.OrganisationStore;
import java.time.Instant;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import dk.laeringsledelse.graphql.support.Scalars;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;

/** The GraphQL contract of {@code teamTimeline}: schema, argument binding, scalars and error codes. */
@SpringBootTest(classes = TeamTimelineGraphQlTest.Config.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TeamTimelineGraphQlTest {

    private static final String QUERY = """
            query($teamId: ID!, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
              teamTimeline(teamId: $teamId, from: $from, to: $to, first: $first, after: $after) {
                edges { cursor node { id at kind actor summary cycleId goalId activityId signId assessmentId feedbackId occurredOn } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }""";

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(GraphQlAutoConfiguration.class)
    @Import({Scalars.class, ErrorMapping.class, TeamTimelineController.class, TeamTimelineReader.class,
            TeamTimelineProjection.class, OrganisationStore.class, OrganisationProjection.class, Callers.class})
    @EnableConfigurationProperties(ApiProperties.class)
    static class Config {
        @Bean
        MongoDatabase mongoDatabase() {
            return TestMongo.freshDatabase();
        }

        @Bean
        QueryUpdateEmitter queryUpdateEmitter() {
            return SimpleQueryUpdateEmitter.builder().build();
        }
    }

    @Autowired
    private ExecutionGraphQlService graphQl;
    @Autowired
    private TeamTimelineProjection projection;
    @Autowired
    private OrganisationProjection organisation;

    @BeforeEach
    void givenEveryKindOfStepOfATeamWhoseMemberAsks() {
        projection.reset();
        TimelineEntries.ofAll(TimelineTestData.everyKind()).forEach(projection::add);
        organisation.reset();
        var team = TeamId.of("team-1");
        var institution = InstitutionId.of("institution-1");
        var municipality = MunicipalityId.of("751");
        organisation.on(new TeamRegistered(team, institution, municipality, "Spiren", null), 0L, Instant.EPOCH);
        organisation.on(new TeamRoleAssigned(team, institution, municipality, PersonId.of(MEMBER), Role.EDUCATOR), 1L);
    }

    private static final String MEMBER = "user-42";

    private ExecutionGraphQlResponse execute(Map<String, Object> variables) {
        var request = new DefaultExecutionGraphQlRequest(QUERY, null, variables, Map.of(), "1", null);
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(MetaDataKeys.ACTOR, MEMBER)).build());
        return graphQl.execute(request).block();
    }

    @Test
    @SuppressWarnings("unchecked")
    void teamTimeline_returnsAPageOfEntriesWithScalarsAndCursors() {
        ExecutionGraphQlResponse response = execute(Map.of("teamId", "team-1", "first", 7));

        assertThat(response.getErrors()).isEmpty();
        Map<String, Object> connection = response.field("teamTimeline").getValue();
        List<Map<String, Object>> edges = (List<Map<String, Object>>) connection.get("edges");
        assertThat(edges).hasSize(7);
        Map<String, Object> sign = (Map<String, Object>) edges.get(6).get("node");
        assertThat(sign).containsEntry("id", "e7")
                .containsEntry("at", "2026-01-23T09:00:00Z")
                .containsEntry("kind", "SIGN_DOCUMENTED")
                .containsEntry("actor", "user-42")
                .containsEntry("cycleId", "cycle-1")
                .containsEntry("goalId", "g1")
                .containsEntry("signId", "s1")
                .containsEntry("feedbackId", null)
                .containsEntry("occurredOn", "2026-01-22");
        assertThat((Map<String, Object>) connection.get("pageInfo"))
                .containsEntry("hasNextPage", true)
                .containsEntry("hasPreviousPage", false)
                .containsEntry("endCursor", edges.get(6).get("cursor"));

        ExecutionGraphQlResponse next = execute(Map.of("teamId", "team-1", "after", edges.get(6).get("cursor"),
                "from", "2026-01-01T00:00:00+01:00"));
        List<Map<String, Object>> rest = next.field("teamTimeline.edges").getValue();
        assertThat(rest).hasSize(6);
        assertThat(next.field("teamTimeline.pageInfo.hasNextPage").<Boolean>getValue()).isFalse();
        assertThat(next.field("teamTimeline.pageInfo.hasPreviousPage").<Boolean>getValue()).isTrue();
    }

    @Test
    void badArguments_areBadRequestsNamingTheArgument() {
        assertBadRequest(execute(Map.of("teamId", "team-1", "first", 500)), "first");
        assertBadRequest(execute(Map.of("teamId", "team-1", "after", "not a cursor")), "after");
        assertBadRequest(execute(Map.of("teamId", "team-1", "from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z")),
                "from");
    }

    @Test
    void anUnknownTeam_isRefusedAsAnyTeamTheCallerMayNotRead() {
        ExecutionGraphQlResponse response = execute(Map.of("teamId", "nobody"));

        assertThat(response.getErrors()).singleElement().satisfies((ResponseError error) -> {
            assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN").containsEntry("field", "teamId");
            assertThat(error.getMessage()).startsWith("you may not read team nobody");
        });
    }

    private static void assertBadRequest(ExecutionGraphQlResponse response, String field) {
        assertThat(response.getErrors()).singleElement().satisfies((ResponseError error) -> {
            assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST").containsEntry("field", field);
            assertThat(error.getMessage()).startsWith(field);
        });
    }
}
