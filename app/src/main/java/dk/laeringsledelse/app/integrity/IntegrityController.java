package dk.laeringsledelse.app.integrity;

import dk.laeringsledelse.eventstore.integrity.AggregateVerification;
import dk.laeringsledelse.eventstore.integrity.IntegrityBreak;
import dk.laeringsledelse.eventstore.integrity.IntegrityVerifier;
import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.graphql.access.Caller;
import dk.laeringsledelse.graphql.access.Callers;
import dk.laeringsledelse.query.cycleview.LearningCycleStore;
import dk.laeringsledelse.query.organisation.OrganisationStore;
import dk.laeringsledelse.query.organisation.UnitView;
import graphql.GraphQLContext;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Tamper evidence for auditors: verify one aggregate of their municipality; operators verify the whole store in the
 * background. An aggregate outside the caller's municipality is refused in the same words as an unknown one.
 */
@Controller
public class IntegrityController {

    private final IntegrityVerifier verifier;
    private final IntegrityRuns runs;
    private final Callers callers;
    private final LearningCycleStore cycles;
    private final OrganisationStore organisation;

    public IntegrityController(IntegrityVerifier verifier, IntegrityRuns runs, Callers callers,
                               LearningCycleStore cycles, OrganisationStore organisation) {
        this.verifier = verifier;
        this.runs = runs;
        this.callers = callers;
        this.cycles = cycles;
        this.organisation = organisation;
    }

    @QueryMapping
    public AggregateVerification verifyIntegrity(@Argument String aggregateId, GraphQLContext context) {
        Caller caller = callers.of(context);
        boolean allowed = municipalityOf(aggregateId).map(caller::isAuditorOf).orElse(false);
        if (!allowed) {
            throw RuleViolation.forbidden("aggregateId", "you may not verify " + aggregateId
                    + ": only the auditors of its municipality may");
        }
        return verifier.verifyAggregate(aggregateId);
    }

    @MutationMapping
    public IntegrityRuns.Run verifyAllIntegrity(GraphQLContext context) {
        requireOperator(context);
        return runs.start();
    }

    @QueryMapping
    public IntegrityRuns.Run integrityVerification(@Argument String id, GraphQLContext context) {
        requireOperator(context);
        return runs.find(id).orElse(null);
    }

    @SchemaMapping(typeName = "AggregateVerification", field = "lastSequenceNumber")
    public Long lastSequenceNumber(AggregateVerification verification) {
        return verification.lastSeq();
    }

    @SchemaMapping(typeName = "IntegrityBreak", field = "sequenceNumber")
    public Long sequenceNumber(IntegrityBreak integrityBreak) {
        return integrityBreak.seq();
    }

    private void requireOperator(GraphQLContext context) {
        if (!callers.of(context).operator()) {
            throw RuleViolation.forbidden("id", "you may not verify the whole store: only operators may");
        }
    }

    /** The municipality a learning cycle, team, institution or municipality belongs to. */
    private Optional<String> municipalityOf(String aggregateId) {
        Optional<String> viaCycle = cycles.find(aggregateId).flatMap(cycle -> organisation.team(cycle.teamId))
                .map(team -> team.municipalityId);
        if (viaCycle.isPresent()) {
            return viaCycle;
        }
        for (UnitView.Kind kind : UnitView.Kind.values()) {
            Optional<String> unit = organisation.find(kind, aggregateId).map(u -> u.municipalityId);
            if (unit.isPresent()) {
                return unit;
            }
        }
        return Optional.empty();
    }
}
