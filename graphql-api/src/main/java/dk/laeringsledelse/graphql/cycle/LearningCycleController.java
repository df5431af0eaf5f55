package dk.laeringsledelse.graphql.cycle;

import dk.laeringsledelse.kernel.cycle.DataBasis;
import dk.laeringsledelse.kernel.cycle.PlannedPeriod;
import dk.laeringsledelse.query.cycleview.TeamCycles;
import dk.laeringsledelse.query.cycleview.LearningCycleView;
import dk.laeringsledelse.query.cycleview.LearningCycleStore;
import dk.laeringsledelse.query.cycleview.CycleAsOf;
import dk.laeringsledelse.query.cycleview.LearningCycleView.Phase;
import dk.laeringsledelse.query.support.Connection;
import dk.laeringsledelse.query.support.Cursors;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import dk.laeringsledelse.graphql.access.Callers;
import graphql.GraphQLContext;

/** Queries of learning cycles: one by id, or a team's cycles as a connection. */
@Controller
public class LearningCycleController {

    private final LearningCycleStore store;
    private final CycleAsOf history;
    private final Callers callers;

    public LearningCycleController(LearningCycleStore store, CycleAsOf history, Callers callers) {
        this.store = store;
        this.history = history;
        this.callers = callers;
    }

    /**
     * Null for a cycle the caller may not read, exactly as for an unknown one. With {@code asOf}: the cycle as it
     * read at that instant (null if it did not exist yet); who may read it is decided by today's roles.
     */
    @QueryMapping
    public LearningCycleView learningCycle(@Argument String id, @Argument Instant asOf, GraphQLContext context) {
        Optional<LearningCycleView> now = store.find(id).filter(cycle -> callers.mayReadTeam(context, cycle.teamId));
        if (asOf == null || now.isEmpty()) {
            return now.orElse(null);
        }
        return history.read(id, asOf).orElse(null);
    }

    @QueryMapping
    public Connection<LearningCycleView> learningCycles(@Argument String teamId, @Argument Phase phase,
                                                        @Argument Integer first, @Argument String after,
                                                        GraphQLContext context) {
        callers.readableTeam(context, teamId, "teamId");
        int size = Cursors.pageSize(first, 20);
        List<TeamCycles.Entry> matching = store.teamCycles(teamId).cycles().stream()
                .filter(e -> phase == null || e.phase() == phase)
                .toList();
        int start = 0;
        if (after != null) {
            String afterId = Cursors.decode(after, "after");
            start = indexOf(matching, afterId) + 1;
        }
        List<TeamCycles.Entry> page = matching.subList(Math.min(start, matching.size()),
                Math.min(start + size, matching.size()));
        List<LearningCycleView> views = store.findAll(page.stream().map(TeamCycles.Entry::cycleId).toList());
        return Connection.of(views, v -> Cursors.encode(v.id), start + size < matching.size(), after != null,
                matching.size());
    }

    private static int indexOf(List<TeamCycles.Entry> entries, String cycleId) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).cycleId().equals(cycleId)) {
                return i;
            }
        }
        throw dk.laeringsledelse.kernel.RuleViolation.badRequest("after",
                "after is not a cursor of this list (the cycle may have changed phase); start from the first page");
    }

    @SchemaMapping(typeName = "LearningCycle")
    public PlannedPeriod plannedPeriod(LearningCycleView view) {
        return new PlannedPeriod(view.plannedStart, view.plannedEnd);
    }

    @SchemaMapping(typeName = "LearningCycle")
    public DataBasis dataBasis(LearningCycleView view) {
        return new DataBasis(nullToEmpty(view.dataFindings), nullToEmpty(view.dataSources));
    }

    @SchemaMapping(typeName = "LearningCycle")
    public LearningCycleView.Counts counts(LearningCycleView view) {
        return view.counts();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
