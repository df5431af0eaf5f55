package dk.laeringsledelse.query.progress;

import dk.laeringsledelse.kernel.cycle.LearningCycleEvent;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.module.Audience;
import dk.laeringsledelse.kernel.module.ModuleAnswerEvent;
import dk.laeringsledelse.kernel.module.ModuleAnswerId;
import dk.laeringsledelse.kernel.module.Modules;
import dk.laeringsledelse.kernel.organisation.TeamRegistered;
import dk.laeringsledelse.query.cycleview.LearningCycleStore;
import dk.laeringsledelse.query.cycleview.TeamCycles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A team's progress exactly as it read at a past instant: the team's own streams (its registration, its cycles, its
 * e-learning module answers) up to that instant, in time order, through the projection's own {@link TeamProgress}
 * code. Only that team's streams are read, each by its unique stream key.
 */
@Component
public class TeamProgressAsOf {

    private final EventStore events;
    private final LearningCycleStore cycles;

    public TeamProgressAsOf(EventStore events, LearningCycleStore cycles) {
        this.events = events;
        this.cycles = cycles;
    }

    public TeamProgress read(String teamId, Instant asOf) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        collect(teamId, asOf, messages);
        for (TeamCycles.Entry cycle : cycles.teamCycles(teamId).cycles()) {
            collect(cycle.cycleId(), asOf, messages);
        }
        Modules.forAudience(Audience.TEAM).forEach(module ->
                collect(ModuleAnswerId.of(TeamId.of(teamId), module.id()).value(), asOf, messages));
        messages.sort(Comparator.comparing(DomainEventMessage<?>::getTimestamp)
                .thenComparing(DomainEventMessage::getSequenceNumber));

        TeamProgress progress = new TeamProgress(teamId);
        for (DomainEventMessage<?> message : messages) {
            Object payload = message.getPayload();
            boolean handled = payload instanceof TeamRegistered || payload instanceof LearningCycleEvent
                    || payload instanceof ModuleAnswerEvent;
            // the same bookkeeping as the projection, which only sees the events it handles
            if (!handled || !progress.markApplied(message.getAggregateIdentifier(), message.getSequenceNumber())) {
                continue;
            }
            if (payload instanceof TeamRegistered registered) {
                progress.institutionId = registered.institutionId().value();
                progress.municipalityId = registered.municipalityId().value();
            } else if (payload instanceof LearningCycleEvent event) {
                progress.apply(event, message.getTimestamp());
            } else if (payload instanceof ModuleAnswerEvent event) {
                progress.apply(event, message.getTimestamp());
            }
        }
        return progress;
    }

    /** The stream's events up to {@code asOf}: a prefix of the stream, read from sequence 0 (not a snapshot). */
    private void collect(String aggregateId, Instant asOf, List<DomainEventMessage<?>> into) {
        DomainEventStream stream = events.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getTimestamp().isAfter(asOf)) {
                return;
            }
            into.add(message);
        }
    }
}
