package dk.laeringsledelse.query.feedbackqueue;

import dk.laeringsledelse.query.support.ProcessingGroups;
import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.cycle.AuthorRole;
import dk.laeringsledelse.kernel.cycle.FeedbackAboutKind;
import dk.laeringsledelse.kernel.cycle.FeedbackGiven;
import dk.laeringsledelse.kernel.cycle.GoalAttainmentAssessed;
import dk.laeringsledelse.kernel.cycle.LearningCycleAbandoned;
import dk.laeringsledelse.kernel.cycle.LearningCycleCompleted;
import dk.laeringsledelse.kernel.cycle.LearningCycleEvent;
import dk.laeringsledelse.kernel.module.ModuleAnswerApproved;
import dk.laeringsledelse.kernel.module.ModuleAnswerEvent;
import dk.laeringsledelse.kernel.module.ModuleAnswerSubmitted;
import dk.laeringsledelse.kernel.module.ModuleFeedbackGiven;
import dk.laeringsledelse.kernel.organisation.Role;
import dk.laeringsledelse.query.feedbackqueue.PendingFeedback.Item;
import dk.laeringsledelse.query.feedbackqueue.PendingFeedback.Kind;
import dk.laeringsledelse.query.organisation.OrganisationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code team_feedback_pending} and {@code resource_person_stats} up to date: a new assessment or a submitted
 * module answer waits for the resource person's feedback; feedback by a resource person (about the assessment, its
 * goal or its cycle; on the answer's latest version, or its approval) answers it, and the time it took is kept for
 * the person who gave it. Sequenced by team, like the cycle projections.
 */
@Component
@ProcessingGroup(ProcessingGroups.TEAM_VIEWS)
public class FeedbackQueueProjection {

    private final FeedbackQueueStore store;
    private final OrganisationStore organisation;
    private final QueryUpdateEmitter updates;

    public FeedbackQueueProjection(FeedbackQueueStore store, OrganisationStore organisation,
                                   QueryUpdateEmitter updates) {
        this.store = store;
        this.organisation = organisation;
        this.updates = updates;
    }

    @EventHandler
    public void on(LearningCycleEvent event, EventMessage<?> message, @SequenceNumber Long sequenceNumber) {
        String teamId = event.teamId().value();
        PendingFeedback pending = store.find(teamId).orElseGet(() -> new PendingFeedback(teamId));
        if (!pending.markApplied(event.cycleId().value(), sequenceNumber)) {
            return;
        }
        List<Item> before = List.copyOf(pending.items);
        Instant at = message.getTimestamp();
        String cycleId = event.cycleId().value();
        if (event instanceof GoalAttainmentAssessed e) {
            pending.add(new Item(Kind.ASSESSMENT, e.assessmentId().value(), at, cycleId, e.goalId().value(),
                    e.attainment().name(), null, null, null), i -> Objects.equals(i.goalId(), e.goalId().value()));
        } else if (event instanceof FeedbackGiven e && e.authorRole() == AuthorRole.RESOURCE_PERSON) {
            String ref = e.about().referenceId();
            Instant waitingSince = pending.resolve(i -> i.kind() == Kind.ASSESSMENT && cycleId.equals(i.cycleId())
                    && (e.about().kind() == FeedbackAboutKind.CYCLE
                    || (e.about().kind() == FeedbackAboutKind.GOAL && Objects.equals(ref, i.goalId()))
                    || (e.about().kind() == FeedbackAboutKind.ASSESSMENT && Objects.equals(ref, i.key()))));
            responded(message, e.feedbackId().value(), waitingSince, at);
        } else if (event instanceof LearningCycleCompleted || event instanceof LearningCycleAbandoned) {
            pending.resolve(i -> cycleId.equals(i.cycleId())); // a closed cycle takes no more feedback
        }
        save(pending, before);
    }

    @EventHandler
    public void on(ModuleAnswerEvent event, EventMessage<?> message, @SequenceNumber Long sequenceNumber) {
        String teamId = event.teamId().value();
        PendingFeedback pending = store.find(teamId).orElseGet(() -> new PendingFeedback(teamId));
        String answerId = event.answerId().value();
        if (!pending.markApplied(answerId, sequenceNumber)) {
            return;
        }
        List<Item> before = List.copyOf(pending.items);
        Instant at = message.getTimestamp();
        if (event instanceof ModuleAnswerSubmitted e) {
            pending.add(new Item(Kind.MODULE_ANSWER, answerId, at, null, null, null, e.moduleId().value(),
                    e.version(), e.answer()), i -> answerId.equals(i.key()));
        } else if (event instanceof ModuleFeedbackGiven e) {
            Instant waitingSince = pending.resolve(i -> answerId.equals(i.key()) && i.version() <= e.version());
            responded(message, e.feedbackId().value(), waitingSince, at);
        } else if (event instanceof ModuleAnswerApproved e) {
            Instant waitingSince = pending.resolve(i -> answerId.equals(i.key()));
            responded(message, answerId + "|approved", waitingSince, at);
        }
        save(pending, before);
    }

    private void responded(EventMessage<?> message, String respondedWith, Instant waitingSince, Instant at) {
        Object actor = message.getMetaData().get(MetaDataKeys.ACTOR);
        if (waitingSince != null && actor != null) {
            store.addResponse(actor.toString(), respondedWith, Duration.between(waitingSince, at));
        }
    }

    /** Stores the queue (its applied versions move with every event) and tells subscribers only when it changed. */
    private void save(PendingFeedback pending, List<Item> before) {
        store.save(pending);
        if (before.equals(pending.items)) {
            return;
        }
        Set<String> resourcePersons = organisation.team(pending.teamId).stream()
                .flatMap(team -> team.members.stream())
                .filter(m -> m.role().equals(Role.RESOURCE_PERSON.name()))
                .map(m -> m.personId())
                .collect(Collectors.toSet());
        updates.emit(FindFeedbackQueue.class, q -> resourcePersons.contains(q.resourcePersonId()), pending.teamId);
    }

    @QueryHandler
    public String handle(FindFeedbackQueue query) {
        return query.resourcePersonId(); // subscriptions read the queue themselves; updates only signal a change
    }

    @ResetHandler
    public void reset() {
        store.deleteAll();
    }
}
