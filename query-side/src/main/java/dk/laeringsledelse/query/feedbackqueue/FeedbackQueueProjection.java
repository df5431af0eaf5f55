package dk.laeringsledelse.query.feedbackqueue;

import dk.laeringsledelse.query.support.ProcessingGroups;
import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.cycle.ActivityCancelled;
import dk.laeringsledelse.kernel.cycle.ActivityCarriedOut;
import dk.laeringsledelse.kernel.cycle.ActivityPlanned;
import dk.laeringsledelse.kernel.cycle.AuthorRole;
import dk.laeringsledelse.kernel.cycle.FeedbackAboutKind;
import dk.laeringsledelse.kernel.cycle.FeedbackGiven;
import dk.laeringsledelse.kernel.cycle.FeedbackResponded;
import dk.laeringsledelse.kernel.cycle.GoalAttainmentAssessed;
import dk.laeringsledelse.kernel.cycle.LearningCycleAbandoned;
import dk.laeringsledelse.kernel.cycle.LearningCycleCompleted;
import dk.laeringsledelse.kernel.cycle.LearningCycleEvent;
import dk.laeringsledelse.kernel.cycle.LearningCycleStarted;
import dk.laeringsledelse.kernel.cycle.LearningGoalRevised;
import dk.laeringsledelse.kernel.cycle.LearningGoalSet;
import dk.laeringsledelse.kernel.cycle.ReflectionRecorded;
import dk.laeringsledelse.kernel.cycle.SignOfLearningDocumented;
import dk.laeringsledelse.kernel.module.ModuleAnswerApproved;
import dk.laeringsledelse.kernel.module.ModuleAnswerEvent;
import dk.laeringsledelse.kernel.module.ModuleAnswerSubmitted;
import dk.laeringsledelse.kernel.module.ModuleFeedbackGiven;
import dk.laeringsledelse.kernel.organisation.Role;
import dk.laeringsledelse.query.feedbackqueue.PendingFeedback.Item;
import dk.laeringsledelse.query.feedbackqueue.PendingFeedback.Kind;
import dk.laeringsledelse.query.organisation.OrganisationStore;
import dk.laeringsledelse.query.support.EventHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
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

    /** The queue an event changes and the event's message (when, who). */
    private record Change(PendingFeedback pending, EventMessage<?> message) {

        Instant at() {
            return message.getTimestamp();
        }
    }

    private static final EventHandlers<FeedbackQueueProjection, LearningCycleEvent, Change> CYCLE_HANDLERS =
            EventHandlers.<FeedbackQueueProjection, LearningCycleEvent, Change>of(LearningCycleEvent.class)
                    .on(GoalAttainmentAssessed.class, FeedbackQueueProjection::on)
                    .on(FeedbackGiven.class, FeedbackQueueProjection::on)
                    .on(LearningCycleCompleted.class, FeedbackQueueProjection::closed)
                    .on(LearningCycleAbandoned.class, FeedbackQueueProjection::closed)
                    .ignore(LearningCycleStarted.class, LearningGoalSet.class, LearningGoalRevised.class,
                            ActivityPlanned.class, ActivityCarriedOut.class, ActivityCancelled.class,
                            SignOfLearningDocumented.class, FeedbackResponded.class, ReflectionRecorded.class)
                    .build();

    private static final EventHandlers<FeedbackQueueProjection, ModuleAnswerEvent, Change> MODULE_HANDLERS =
            EventHandlers.<FeedbackQueueProjection, ModuleAnswerEvent, Change>of(ModuleAnswerEvent.class)
                    .on(ModuleAnswerSubmitted.class, FeedbackQueueProjection::on)
                    .on(ModuleFeedbackGiven.class, FeedbackQueueProjection::on)
                    .on(ModuleAnswerApproved.class, FeedbackQueueProjection::on)
                    .build();

    @EventHandler
    public void on(LearningCycleEvent event, EventMessage<?> message, @SequenceNumber Long sequenceNumber) {
        update(event.teamId().value(), event.cycleId().value(), sequenceNumber,
                pending -> CYCLE_HANDLERS.apply(this, event, new Change(pending, message)));
    }

    @EventHandler
    public void on(ModuleAnswerEvent event, EventMessage<?> message, @SequenceNumber Long sequenceNumber) {
        update(event.teamId().value(), event.answerId().value(), sequenceNumber,
                pending -> MODULE_HANDLERS.apply(this, event, new Change(pending, message)));
    }

    /** Applies an event of the aggregate to the team's queue, unless it was applied before (re-delivery). */
    private void update(String teamId, String aggregateId, long sequenceNumber, Consumer<PendingFeedback> change) {
        PendingFeedback pending = store.find(teamId).orElseGet(() -> new PendingFeedback(teamId));
        if (!pending.markApplied(aggregateId, sequenceNumber)) {
            return;
        }
        List<Item> before = List.copyOf(pending.items);
        change.accept(pending);
        save(pending, before);
    }

    private void on(GoalAttainmentAssessed e, Change change) {
        change.pending().add(new Item(Kind.ASSESSMENT, e.assessmentId().value(), change.at(), e.cycleId().value(),
                e.goalId().value(), e.attainment().name(), null, null, null),
                i -> Objects.equals(i.goalId(), e.goalId().value()));
    }

    /** Feedback by a resource person answers what waits in its cycle: about the cycle, the goal or the assessment. */
    private void on(FeedbackGiven e, Change change) {
        if (e.authorRole() != AuthorRole.RESOURCE_PERSON) {
            return;
        }
        String cycleId = e.cycleId().value();
        String ref = e.about().referenceId();
        Instant waitingSince = change.pending().resolve(i -> i.kind() == Kind.ASSESSMENT
                && cycleId.equals(i.cycleId())
                && (e.about().kind() == FeedbackAboutKind.CYCLE
                || (e.about().kind() == FeedbackAboutKind.GOAL && Objects.equals(ref, i.goalId()))
                || (e.about().kind() == FeedbackAboutKind.ASSESSMENT && Objects.equals(ref, i.key()))));
        responded(change.message(), e.feedbackId().value(), waitingSince, change.at());
    }

    /** A closed cycle takes no more feedback. */
    private void closed(LearningCycleEvent e, Change change) {
        String cycleId = e.cycleId().value();
        change.pending().resolve(i -> cycleId.equals(i.cycleId()));
    }

    private void on(ModuleAnswerSubmitted e, Change change) {
        String answerId = e.answerId().value();
        change.pending().add(new Item(Kind.MODULE_ANSWER, answerId, change.at(), null, null, null,
                e.moduleId().value(), e.version(), e.answer()), i -> answerId.equals(i.key()));
    }

    private void on(ModuleFeedbackGiven e, Change change) {
        String answerId = e.answerId().value();
        Instant waitingSince = change.pending().resolve(i -> answerId.equals(i.key()) && i.version() <= e.version());
        responded(change.message(), e.feedbackId().value(), waitingSince, change.at());
    }

    private void on(ModuleAnswerApproved e, Change change) {
        String answerId = e.answerId().value();
        Instant waitingSince = change.pending().resolve(i -> answerId.equals(i.key()));
        responded(change.message(), answerId + "|approved", waitingSince, change.at());
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
