package dk.laeringsledelse.graphql.progress;

import dk.laeringsledelse.query.progress.TeamProgressView;
import dk.laeringsledelse.query.progress.TeamProgressStore;
import dk.laeringsledelse.query.progress.TeamProgressAsOf;
import dk.laeringsledelse.query.progress.TeamProgress;
import dk.laeringsledelse.query.progress.FindTeamProgress;
import dk.laeringsledelse.graphql.access.Callers;
import dk.laeringsledelse.query.organisation.UnitView;
import graphql.GraphQLContext;
import java.time.Instant;
import java.time.Clock;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** A team's progress, once or live; for whoever may read the team (members, resource persons, leaders, auditors). */
@Controller
public class TeamProgressController {

    private final TeamProgressStore store;
    private final TeamProgressAsOf history;
    private final Callers callers;
    private final QueryGateway queries;
    private final Clock clock;

    public TeamProgressController(TeamProgressStore store, TeamProgressAsOf history, Callers callers,
                                  QueryGateway queries, Clock clock) {
        this.store = store;
        this.history = history;
        this.callers = callers;
        this.queries = queries;
        this.clock = clock;
    }

    /** With {@code asOf}: as it read at that instant, replayed from the team's own events (today's roles decide). */
    @QueryMapping
    public TeamProgressView teamProgress(@Argument String teamId, @Argument Instant asOf, GraphQLContext context) {
        UnitView team = callers.readableTeam(context, teamId, "teamId");
        if (asOf != null) {
            return TeamProgressView.of(history.read(teamId, asOf), team.name, asOf);
        }
        return TeamProgressView.of(store.find(teamId).orElseGet(() -> new TeamProgress(teamId)), team.name,
                clock.instant());
    }

    /** The progress now, then again after every change. Access is checked when subscribing. */
    @SubscriptionMapping
    public Flux<TeamProgressView> teamProgressChanged(@Argument String teamId, GraphQLContext context) {
        UnitView team = callers.readableTeam(context, teamId, "teamId");
        SubscriptionQueryResult<TeamProgress, TeamProgress> result = queries.subscriptionQuery(
                new FindTeamProgress(teamId), ResponseTypes.instanceOf(TeamProgress.class),
                ResponseTypes.instanceOf(TeamProgress.class));
        return Flux.concat(result.initialResult(), result.updates())
                .map(progress -> TeamProgressView.of(progress, team.name, clock.instant()))
                .doFinally(signal -> result.cancel());
    }
}
