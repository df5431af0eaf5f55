package dk.laeringsledelse.graphql.replay;

import dk.laeringsledelse.query.replay.ProjectionRebuild;
import dk.laeringsledelse.query.replay.ProjectionDigest;
import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.graphql.access.Callers;
import graphql.GraphQLContext;
import java.time.Duration;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** Operators rebuild every projection from the events and follow it; the digest compares before with after. */
@Controller
public class RebuildController {

    private final ProjectionRebuild rebuild;
    private final ProjectionDigest digest;
    private final Callers callers;

    public RebuildController(ProjectionRebuild rebuild, ProjectionDigest digest, Callers callers) {
        this.rebuild = rebuild;
        this.digest = digest;
        this.callers = callers;
    }

    @MutationMapping
    public ProjectionRebuild.Status rebuildProjections(GraphQLContext context) {
        requireOperator(context, "rebuild the projections");
        return rebuild.start();
    }

    @QueryMapping
    public ProjectionRebuild.Status projectionRebuild(GraphQLContext context) {
        requireOperator(context, "follow a rebuild");
        return rebuild.status();
    }

    /** The status every half second until the rebuild ends (the last one is DONE or FAILED). */
    @SubscriptionMapping
    public Flux<ProjectionRebuild.Status> projectionRebuildProgress(GraphQLContext context) {
        requireOperator(context, "follow a rebuild");
        return Flux.interval(Duration.ZERO, Duration.ofMillis(500))
                .map(tick -> rebuild.status())
                .takeUntil(status -> !status.running());
    }

    @QueryMapping
    public String projectionDigest(GraphQLContext context) {
        requireOperator(context, "read the projection digest");
        return digest.digest();
    }

    private void requireOperator(GraphQLContext context, String what) {
        if (!callers.of(context).operator()) {
            throw RuleViolation.forbidden("", "you may not " + what + ": only operators may");
        }
    }
}
