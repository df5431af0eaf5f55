package dk.laeringsledelse.graphql.cycle;

import dk.laeringsledelse.query.cycleview.FindLearningCycle;
import dk.laeringsledelse.query.cycleview.LearningCycleView;
import dk.laeringsledelse.query.cycleview.LearningCycleStore;
import dk.laeringsledelse.kernel.cycle.AbandonLearningCycle;
import dk.laeringsledelse.kernel.cycle.ActivityId;
import dk.laeringsledelse.kernel.cycle.AssessGoalAttainment;
import dk.laeringsledelse.kernel.cycle.AssessmentId;
import dk.laeringsledelse.kernel.cycle.Attainment;
import dk.laeringsledelse.kernel.cycle.AuthorRole;
import dk.laeringsledelse.kernel.cycle.CancelActivity;
import dk.laeringsledelse.kernel.cycle.ChildId;
import dk.laeringsledelse.kernel.cycle.CompleteLearningCycle;
import dk.laeringsledelse.kernel.cycle.CycleId;
import dk.laeringsledelse.kernel.cycle.DataBasis;
import dk.laeringsledelse.kernel.cycle.DocumentSignOfLearning;
import dk.laeringsledelse.kernel.cycle.EvidenceKind;
import dk.laeringsledelse.kernel.cycle.FeedbackAbout;
import dk.laeringsledelse.kernel.cycle.FeedbackAboutKind;
import dk.laeringsledelse.kernel.cycle.FeedbackId;
import dk.laeringsledelse.kernel.cycle.GiveFeedback;
import dk.laeringsledelse.kernel.cycle.GoalId;
import dk.laeringsledelse.kernel.cycle.PlanActivity;
import dk.laeringsledelse.kernel.cycle.PlannedPeriod;
import dk.laeringsledelse.kernel.cycle.RecordActivityCarriedOut;
import dk.laeringsledelse.kernel.cycle.RecordReflection;
import dk.laeringsledelse.kernel.cycle.ReflectionId;
import dk.laeringsledelse.kernel.cycle.RespondToFeedback;
import dk.laeringsledelse.kernel.cycle.ReviseLearningGoal;
import dk.laeringsledelse.kernel.cycle.SetLearningGoal;
import dk.laeringsledelse.kernel.cycle.SignId;
import dk.laeringsledelse.kernel.cycle.StartLearningCycle;
import dk.laeringsledelse.kernel.cycle.TargetGroup;
import dk.laeringsledelse.kernel.cycle.TargetGroupKind;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.kernel.cycle.LearningCycleCommand;
import dk.laeringsledelse.kernel.organisation.Role;
import dk.laeringsledelse.graphql.access.Caller;
import dk.laeringsledelse.graphql.access.Callers;
import dk.laeringsledelse.graphql.cycle.LearningCycleInputs.*;
import dk.laeringsledelse.query.organisation.OrganisationStore;
import dk.laeringsledelse.query.organisation.UnitView;
import dk.laeringsledelse.graphql.support.CommandDispatcher;
import dk.laeringsledelse.graphql.support.CommandDispatcher.Sent;
import graphql.GraphQLContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The learning-cycle mutations: each input becomes one command; the payload carries the new id and the cycle as it
 * reads after the change. New ids are made here: random, or derived from the acting person and the idempotency key so
 * that a repeated request names the same thing again.
 */
@Controller
public class LearningCycleMutations {

    private final CommandDispatcher dispatcher;
    private final LearningCycleStore store;
    private final OrganisationStore organisation;
    private final Callers callers;

    public LearningCycleMutations(CommandDispatcher dispatcher, LearningCycleStore store,
                                  OrganisationStore organisation, Callers callers) {
        this.dispatcher = dispatcher;
        this.store = store;
        this.organisation = organisation;
        this.callers = callers;
    }

    @MutationMapping
    public StartLearningCyclePayload startLearningCycle(@Argument StartLearningCycleInput input,
                                                        GraphQLContext context) {
        // not scoped to the team: the same key for another team names the same cycle, and is refused as different
        CycleId cycleId = new CycleId(newId(person(context), "cycles", "cycle", input.idempotencyKey()));
        StartLearningCycle command = new StartLearningCycle(cycleId, new TeamId(input.teamId()), input.title(),
                new PlannedPeriod(input.plannedPeriod().start(), input.plannedPeriod().end()),
                new DataBasis(input.dataBasis().findings(), input.dataBasis().sources()));
        Sent<LearningCycleView> sent;
        try {
            sent = send(command, context, input.idempotencyKey());
        } catch (AggregateStreamCreationException raced) {
            if (input.idempotencyKey() == null) {
                throw raced;
            }
            // a simultaneous request with the same key created the cycle first: ask again, now as a repeat
            sent = send(command, context, input.idempotencyKey());
        }
        return new StartLearningCyclePayload(cycleId.value(), sent.view());
    }

    @MutationMapping
    public SetLearningGoalPayload setLearningGoal(@Argument SetLearningGoalInput input, GraphQLContext context) {
        GoalId goalId = new GoalId(newId(person(context), input.cycleId(), "goal", input.idempotencyKey()));
        TargetGroupInput group = input.targetGroup();
        Sent<LearningCycleView> sent = send(new SetLearningGoal(cycle(input.cycleId()), goalId, input.description(),
                input.curriculumTheme(),
                new TargetGroup(TargetGroupKind.valueOf(group.kind()), group.description(),
                        map(group.childIds(), ChildId::new)),
                input.expectedSigns(), input.adaptation(), institutionKind(input.cycleId())), context,
                input.idempotencyKey());
        return new SetLearningGoalPayload(sent.id(), sent.view());
    }

    @MutationMapping
    public LearningCyclePayload reviseLearningGoal(@Argument ReviseLearningGoalInput input, GraphQLContext context) {
        return changed(send(new ReviseLearningGoal(cycle(input.cycleId()), new GoalId(input.goalId()),
                input.description(), input.expectedSigns(), input.reason()), context, input.idempotencyKey()));
    }

    @MutationMapping
    public PlanActivityPayload planActivity(@Argument PlanActivityInput input, GraphQLContext context) {
        ActivityId activityId = new ActivityId(
                newId(person(context), input.cycleId(), "activity", input.idempotencyKey()));
        Sent<LearningCycleView> sent = send(new PlanActivity(cycle(input.cycleId()), activityId,
                map(input.goalIds(), GoalId::new), input.description(), input.methodAndOrganisation(),
                input.plannedDate(), input.adaptation()), context, input.idempotencyKey());
        return new PlanActivityPayload(sent.id(), sent.view());
    }

    @MutationMapping
    public LearningCyclePayload recordActivityCarriedOut(@Argument RecordActivityCarriedOutInput input,
                                                         GraphQLContext context) {
        return changed(send(new RecordActivityCarriedOut(cycle(input.cycleId()), new ActivityId(input.activityId()),
                input.carriedOutOn(), input.notes()), context, input.idempotencyKey()));
    }

    @MutationMapping
    public LearningCyclePayload cancelActivity(@Argument CancelActivityInput input, GraphQLContext context) {
        return changed(send(new CancelActivity(cycle(input.cycleId()), new ActivityId(input.activityId()),
                input.reason()), context, input.idempotencyKey()));
    }

    @MutationMapping
    public DocumentSignOfLearningPayload documentSignOfLearning(@Argument DocumentSignOfLearningInput input,
                                                                GraphQLContext context) {
        SignId signId = new SignId(newId(person(context), input.cycleId(), "sign", input.idempotencyKey()));
        Sent<LearningCycleView> sent = send(new DocumentSignOfLearning(cycle(input.cycleId()), signId,
                new GoalId(input.goalId()), input.activityId() == null ? null : new ActivityId(input.activityId()),
                input.observedOn(), input.observation(), input.matchedExpectedSign(),
                EvidenceKind.valueOf(input.evidenceKind()), map(input.childIds(), ChildId::new)),
                context, input.idempotencyKey());
        return new DocumentSignOfLearningPayload(sent.id(), sent.view());
    }

    @MutationMapping
    public AssessGoalAttainmentPayload assessGoalAttainment(@Argument AssessGoalAttainmentInput input,
                                                            GraphQLContext context) {
        AssessmentId assessmentId = new AssessmentId(
                newId(person(context), input.cycleId(), "assessment", input.idempotencyKey()));
        Sent<LearningCycleView> sent = send(new AssessGoalAttainment(cycle(input.cycleId()), assessmentId,
                new GoalId(input.goalId()), Attainment.valueOf(input.attainment()), input.rationale(),
                map(input.signIds(), SignId::new)), context, input.idempotencyKey());
        return new AssessGoalAttainmentPayload(sent.id(), sent.view());
    }

    @MutationMapping
    public GiveFeedbackPayload giveFeedback(@Argument GiveFeedbackInput input, GraphQLContext context) {
        FeedbackId feedbackId = new FeedbackId(
                newId(person(context), input.cycleId(), "feedback", input.idempotencyKey()));
        Sent<LearningCycleView> sent = send(new GiveFeedback(cycle(input.cycleId()), feedbackId,
                new FeedbackAbout(FeedbackAboutKind.valueOf(input.aboutKind()), input.aboutId()),
                AuthorRole.valueOf(input.authorRole()), input.text()), context, input.idempotencyKey());
        return new GiveFeedbackPayload(sent.id(), sent.view());
    }

    @MutationMapping
    public LearningCyclePayload respondToFeedback(@Argument RespondToFeedbackInput input, GraphQLContext context) {
        return changed(send(new RespondToFeedback(cycle(input.cycleId()), new FeedbackId(input.feedbackId()),
                input.text()), context, input.idempotencyKey()));
    }

    @MutationMapping
    public RecordReflectionPayload recordReflection(@Argument RecordReflectionInput input, GraphQLContext context) {
        ReflectionId reflectionId = new ReflectionId(
                newId(person(context), input.cycleId(), "reflection", input.idempotencyKey()));
        Sent<LearningCycleView> sent = send(new RecordReflection(cycle(input.cycleId()), reflectionId,
                input.practiceLearnings(), input.plannedAdjustments()), context, input.idempotencyKey());
        return new RecordReflectionPayload(sent.id(), sent.view());
    }

    @MutationMapping
    public LearningCyclePayload completeLearningCycle(@Argument CompleteLearningCycleInput input,
                                                      GraphQLContext context) {
        return changed(send(new CompleteLearningCycle(cycle(input.cycleId()), input.summary(), input.nextSteps()),
                context, input.idempotencyKey()));
    }

    @MutationMapping
    public LearningCyclePayload abandonLearningCycle(@Argument AbandonLearningCycleInput input,
                                                     GraphQLContext context) {
        return changed(send(new AbandonLearningCycle(cycle(input.cycleId()), input.reason()), context,
                input.idempotencyKey()));
    }

    private Sent<LearningCycleView> send(LearningCycleCommand command, GraphQLContext context, String idempotencyKey) {
        Caller caller = callers.of(context);
        Role role = authorise(caller, command);
        return dispatcher.send(command, caller.personId(), role.name(), idempotencyKey,
                new FindLearningCycle(command.cycleId().value()), LearningCycleView.class, v -> v.version,
                query -> store.find(((FindLearningCycle) query).cycleId()).orElse(null));
    }

    /**
     * The role in which the caller may send this command, or FORBIDDEN. A cycle or team the caller may not change
     * is refused in the same words whether or not it exists.
     */
    private Role authorise(Caller caller, LearningCycleCommand command) {
        if (command instanceof StartLearningCycle start) {
            String teamId = start.teamId().value();
            UnitView team = organisation.team(teamId).orElse(null);
            Role role = team == null ? null : caller.cycleWriterRole(team).orElse(null);
            if (role == null) {
                throw RuleViolation.forbidden("teamId", "you may not start learning cycles for team " + teamId
                        + ": only its educators and coordinators may");
            }
            if (!team.isActive()) {
                throw RuleViolation.badRequest("teamId", "team " + teamId + " is retired and starts no new cycles");
            }
            return role;
        }
        String cycleId = command.cycleId().value();
        UnitView team = store.teamOf(cycleId).flatMap(organisation::team).orElse(null);
        if (command instanceof GiveFeedback feedback) {
            // PEER is no role anyone holds here: only resource persons and leaders give feedback
            Role asked = feedback.authorRole() == null || feedback.authorRole() == AuthorRole.PEER ? null
                    : Role.valueOf(feedback.authorRole().name());
            if (team == null || asked == null || !caller.feedbackRoles(team).contains(asked)) {
                throw RuleViolation.forbidden("authorRole", "you may not give feedback as "
                        + feedback.authorRole() + " on learning cycle " + cycleId
                        + ": only its team's resource persons and its institution's leaders may, in that role");
            }
            return asked;
        }
        return (team == null ? java.util.Optional.<Role>empty() : caller.cycleWriterRole(team)).orElseThrow(() ->
                RuleViolation.forbidden("cycleId", "you may not change learning cycle " + cycleId
                        + ": only the educators and coordinators of its team may"));
    }

    /**
     * The kind of the cycle's institution, which decides the curriculum themes its goals may name (the aggregate
     * checks the theme); null when the read model cannot tell (an unknown cycle is refused by authorising anyway).
     */
    private String institutionKind(String cycleId) {
        return store.teamOf(cycleId)
                .flatMap(organisation::team)
                .flatMap(team -> organisation.find(UnitView.Kind.INSTITUTION, team.institutionId))
                .map(institution -> institution.institutionKind)
                .orElse(null);
    }

    private static CycleId cycle(String id) {
        return new CycleId(id);
    }

    /**
     * A random id, or with an idempotency key one derived from it and the acting person (keys are scoped per person),
     * so that a repeat names the same entity and two persons' keys never name the same one.
     */
    public static String newId(String personId, String scope, String kind, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        String person = personId == null ? "" : personId;
        return UUID.nameUUIDFromBytes((person.length() + ":" + person + "|" + scope + "|" + kind + "|" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The acting person as authenticated (null if none: sending then refuses the request). */
    private static String person(GraphQLContext context) {
        return context.get(MetaDataKeys.ACTOR);
    }

    private static <T> List<T> map(List<String> ids, Function<String, T> type) {
        return ids == null ? List.of() : ids.stream().map(type).toList();
    }

    private static LearningCyclePayload changed(Sent<LearningCycleView> sent) {
        return new LearningCyclePayload(sent.view());
    }
}
