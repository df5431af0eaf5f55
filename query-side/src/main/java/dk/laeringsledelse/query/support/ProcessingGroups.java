package dk.laeringsledelse.query.support;

import dk.laeringsledelse.kernel.cycle.LearningCycleEvent;
import dk.laeringsledelse.kernel.measurement.MeasurementEvent;
import dk.laeringsledelse.kernel.module.ModuleAnswerEvent;
import dk.laeringsledelse.kernel.organisation.OrganisationEvent;
import dk.laeringsledelse.kernel.organisation.TeamRegistered;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * The event processors the projections join ({@code @ProcessingGroup}), each with the order its projections rely on.
 * The application runs one processor per group with the policy declared here; a projection joining a group not
 * declared here fails {@code ProcessingGroupsTest}.
 */
public final class ProcessingGroups {

    /**
     * The team and institution views (cycles, team lists, timelines, progress, feedback queues, measurements) in one
     * processor: each event is read, deserialised and tracked (a token write per batch) once for all of them,
     * not once per view. They need the same order: a team's events, and an institution's measurements, in sequence.
     */
    public static final String TEAM_VIEWS = "team-views";

    /** The organisation read model. */
    public static final String ORGANISATION = "organisation";

    /** The audit history. */
    public static final String AUDIT = "audit";

    /**
     * Every event in one sequence, under a String key. Not Axon's SequentialPolicy: its key is a plain Object whose
     * identity hash picks the segment, so after a restart the events belonged to the other segment, whose token had
     * already passed them, and were never projected (found by the crash test).
     */
    static final SequencingPolicy<EventMessage<?>> ONE_SEQUENCE = event -> "all";

    /**
     * A team's cycle events, and a municipality's organisation events, in order on one thread: per-team and per-unit
     * documents need no locking.
     */
    static final SequencingPolicy<EventMessage<?>> BY_TEAM = event -> {
        if (event.getPayload() instanceof LearningCycleEvent cycleEvent) {
            return cycleEvent.teamId().value();
        }
        if (event.getPayload() instanceof OrganisationEvent organisationEvent) {
            return "municipality:" + organisationEvent.municipalityId().value();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    };

    /**
     * The team views: a team's cycle and module-answer events, and its registration (which names its institution),
     * in order on one thread, so that a team's documents need no locking; an institution's measurements likewise.
     * What several sequences share (institution summaries, a resource person's response times) is changed only by
     * atomic per-field updates.
     */
    static final SequencingPolicy<EventMessage<?>> BY_TEAM_AND_INSTITUTION = event -> {
        if (event.getPayload() instanceof TeamRegistered registered) {
            return registered.teamId().value();
        }
        if (event.getPayload() instanceof ModuleAnswerEvent moduleEvent) {
            return moduleEvent.teamId().value();
        }
        if (event.getPayload() instanceof MeasurementEvent measurementEvent) {
            return "institution:" + measurementEvent.institutionId().value();
        }
        return BY_TEAM.getSequenceIdentifierFor(event);
    };

    private static final Map<String, SequencingPolicy<EventMessage<?>>> SEQUENCING = Map.of(
            TEAM_VIEWS, BY_TEAM_AND_INSTITUTION,
            // by municipality: a unit's read-modify-write (and its parent's list of children) is never concurrent
            ORGANISATION, BY_TEAM,
            // one sequence: person and type buckets span all teams, and units must be seen before their events
            AUDIT, ONE_SEQUENCE);

    /** Every processing group with the sequencing policy its projections need. */
    public static Map<String, SequencingPolicy<EventMessage<?>>> sequencing() {
        return SEQUENCING;
    }

    private ProcessingGroups() {
    }
}
