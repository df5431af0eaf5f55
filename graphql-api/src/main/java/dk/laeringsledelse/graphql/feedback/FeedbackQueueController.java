package dk.laeringsledelse.graphql.feedback;

import dk.laeringsledelse.query.feedbackqueue.PendingFeedback;
import dk.laeringsledelse.query.feedbackqueue.FindFeedbackQueue;
import dk.laeringsledelse.query.feedbackqueue.FeedbackQueueStore;
import dk.laeringsledelse.query.feedbackqueue.FeedbackQueue;
import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.kernel.organisation.Role;
import dk.laeringsledelse.graphql.access.Caller;
import dk.laeringsledelse.graphql.access.Callers;
import dk.laeringsledelse.query.feedbackqueue.FeedbackQueue.QueueItem;
import dk.laeringsledelse.query.organisation.OrganisationStore;
import dk.laeringsledelse.query.organisation.PersonView.Assignment;
import dk.laeringsledelse.query.organisation.UnitView;
import dk.laeringsledelse.query.progress.Median;
import graphql.GraphQLContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A resource person's feedback queue: readable by the person, and by the auditors of a municipality for the teams
 * in that municipality. It reads the person's roles, their teams' pending documents ({@code $in}), the teams' names
 * ({@code $in}) and the person's response times: four reads by {@code _id} whatever the history.
 */
@Controller
public class FeedbackQueueController {

    private final FeedbackQueueStore store;
    private final OrganisationStore organisation;
    private final Callers callers;
    private final QueryGateway queries;
    private final Clock clock;

    public FeedbackQueueController(FeedbackQueueStore store, OrganisationStore organisation, Callers callers,
                                   QueryGateway queries, Clock clock) {
        this.store = store;
        this.organisation = organisation;
        this.callers = callers;
        this.queries = queries;
        this.clock = clock;
    }

    @QueryMapping
    public FeedbackQueue feedbackQueue(@Argument String resourcePersonId, GraphQLContext context) {
        return queue(resourcePersonId, readableTeams(callers.of(context), resourcePersonId));
    }

    /** The queue now, then again after every change in one of the person's teams. */
    @SubscriptionMapping
    public Flux<FeedbackQueue> feedbackQueueChanged(@Argument String resourcePersonId, GraphQLContext context) {
        List<String> teams = readableTeams(callers.of(context), resourcePersonId);
        SubscriptionQueryResult<String, String> result = queries.subscriptionQuery(
                new FindFeedbackQueue(resourcePersonId), ResponseTypes.instanceOf(String.class),
                ResponseTypes.instanceOf(String.class));
        return Flux.concat(Mono.fromCallable(() -> queue(resourcePersonId, teams)), result.updates()
                        // off the projection's thread, which emitted the signal
                        .publishOn(Schedulers.boundedElastic())
                        .map(changedTeam -> queue(resourcePersonId, teams)))
                .doFinally(signal -> result.cancel());
    }

    /**
     * The teams of the person's queue the caller may see: all of them for the person, those in their municipality
     * for an auditor; anyone else is refused in the same words whether or not the person exists.
     */
    private List<String> readableTeams(Caller caller, String personId) {
        boolean self = caller.personId().equals(personId);
        List<Assignment> teams = organisation.person(personId).assignments().stream()
                .filter(a -> a.role().equals(Role.RESOURCE_PERSON.name()) && a.teamId() != null)
                .filter(a -> self || caller.isAuditorOf(a.municipalityId()))
                .toList();
        if (!self && teams.isEmpty()) {
            throw RuleViolation.forbidden("resourcePersonId", "you may not read the feedback queue of "
                    + personId + ": only the person and the auditors of their municipality may");
        }
        return teams.stream().map(Assignment::teamId).distinct().toList();
    }

    private FeedbackQueue queue(String personId, List<String> teamIds) {
        Instant now = clock.instant();
        Map<String, String> names = organisation.findAll(UnitView.Kind.TEAM, teamIds).stream()
                .collect(Collectors.toMap(t -> t.id, t -> t.name == null ? "" : t.name));
        List<QueueItem> items = new ArrayList<>();
        for (PendingFeedback pending : store.findAll(teamIds)) {
            for (PendingFeedback.Item i : pending.items) {
                items.add(new QueueItem(i.kind(), pending.teamId, names.get(pending.teamId), i.since(),
                        Math.round(Duration.between(i.since(), now).getSeconds() / 36.0) / 100.0, i.cycleId(),
                        i.goalId(), i.kind() == PendingFeedback.Kind.ASSESSMENT ? i.key() : null, i.attainment(),
                        i.moduleId(), i.version(), i.answer()));
            }
        }
        items.sort(Comparator.comparing(QueueItem::waitingSince).thenComparing(QueueItem::teamId));
        List<Duration> responses = store.responseTimes(personId);
        return new FeedbackQueue(personId, items, responses.size(), Median.hours(responses));
    }
}
