package dk.laeringsledelse.graphql.timeline;

import dk.laeringsledelse.query.timeline.TimelineEntry;
import dk.laeringsledelse.query.timeline.TeamTimelineReader;
import dk.laeringsledelse.query.support.Connection;
import java.time.Instant;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import dk.laeringsledelse.graphql.access.Callers;
import graphql.GraphQLContext;

/** GraphQL {@code Query.teamTimeline}: a team's learning-goal cycles over time. */
@Controller
public class TeamTimelineController {

    private final TeamTimelineReader reader;
    private final Callers callers;

    public TeamTimelineController(TeamTimelineReader reader, Callers callers) {
        this.reader = reader;
        this.callers = callers;
    }

    /**
     * With {@code asOf}: the timeline as it read at that instant. Entries are never changed once projected, one per
     * event at the event's time, so that is exactly the entries up to and including {@code asOf}.
     */
    @QueryMapping
    public Connection<TimelineEntry> teamTimeline(@Argument String teamId, @Argument Instant from, @Argument Instant to,
                                                  @Argument Integer first, @Argument String after,
                                                  @Argument Instant asOf, GraphQLContext context) {
        callers.readableTeam(context, teamId, "teamId");
        Instant until = to;
        if (asOf != null) {
            Instant justAfter = asOf.plusNanos(1);
            until = to == null || justAfter.isBefore(to) ? justAfter : to;
        }
        return reader.read(teamId, from, until, first, after);
    }
}
