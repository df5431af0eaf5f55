package dk.laeringsledelse.graphql.module;

import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.kernel.cycle.FeedbackId;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.module.ApproveModuleAnswer;
import dk.laeringsledelse.kernel.module.GiveModuleFeedback;
import dk.laeringsledelse.kernel.module.ModuleAnswerId;
import dk.laeringsledelse.kernel.module.ModuleId;
import dk.laeringsledelse.kernel.module.SubmitModuleAnswer;
import dk.laeringsledelse.kernel.organisation.Role;
import dk.laeringsledelse.graphql.access.Caller;
import dk.laeringsledelse.graphql.access.Callers;
import dk.laeringsledelse.graphql.cycle.LearningCycleMutations;
import dk.laeringsledelse.graphql.support.CommandDispatcher;
import dk.laeringsledelse.query.organisation.OrganisationStore;
import dk.laeringsledelse.query.organisation.UnitView;
import dk.laeringsledelse.query.progress.FindTeamProgress;
import dk.laeringsledelse.query.progress.TeamProgress;
import dk.laeringsledelse.query.progress.TeamProgressStore;
import dk.laeringsledelse.query.progress.TeamProgressView;
import dk.laeringsledelse.query.progress.TeamProgressView.ModuleProgress;
import graphql.GraphQLContext;
import java.time.Clock;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * A team's answers to the e-learning modules: submitted by its educators and coordinators, given feedback and
 * approved by its resource persons. Each answers with the module's status as the team's progress reads after it.
 */
@Controller
public class ModuleAnswerMutations {

    public record SubmitModuleAnswerInput(String teamId, String moduleId, String answer, String idempotencyKey) {
    }

    public record GiveModuleFeedbackInput(String teamId, String moduleId, int version, String text,
                                          String idempotencyKey) {
    }

    public record ApproveModuleAnswerInput(String teamId, String moduleId, int version, String idempotencyKey) {
    }

    public record ModuleAnswerPayload(String answerId, String feedbackId, ModuleProgress module) {
    }

    private final CommandDispatcher dispatcher;
    private final TeamProgressStore progress;
    private final OrganisationStore organisation;
    private final Callers callers;
    private final Clock clock;

    public ModuleAnswerMutations(CommandDispatcher dispatcher, TeamProgressStore progress,
                                 OrganisationStore organisation, Callers callers, Clock clock) {
        this.dispatcher = dispatcher;
        this.progress = progress;
        this.organisation = organisation;
        this.callers = callers;
        this.clock = clock;
    }

    @MutationMapping
    public ModuleAnswerPayload submitModuleAnswer(@Argument SubmitModuleAnswerInput input, GraphQLContext context) {
        Caller caller = callers.of(context);
        Optional<UnitView> team = organisation.team(input.teamId());
        Role role = team.flatMap(caller::cycleWriterRole).orElseThrow(() -> RuleViolation.forbidden("teamId",
                "you may not submit module answers for team " + input.teamId()
                        + ": only its educators and coordinators may"));
        SubmitModuleAnswer command = new SubmitModuleAnswer(TeamId.of(input.teamId()), ModuleId.of(input.moduleId()),
                input.answer());
        return send(command, command.answerId(), command.moduleId(), null, team.get(), caller, role,
                input.idempotencyKey());
    }

    @MutationMapping
    public ModuleAnswerPayload giveModuleFeedback(@Argument GiveModuleFeedbackInput input, GraphQLContext context) {
        Caller caller = callers.of(context);
        UnitView team = resourcePersonsTeam(caller, input.teamId(), "give feedback on");
        FeedbackId feedbackId = new FeedbackId(LearningCycleMutations.newId(caller.personId(),
                ModuleAnswerId.of(TeamId.of(input.teamId()), ModuleId.of(input.moduleId())).value(),
                "module-feedback", input.idempotencyKey()));
        GiveModuleFeedback command = new GiveModuleFeedback(TeamId.of(input.teamId()), ModuleId.of(input.moduleId()),
                feedbackId, input.version(), input.text());
        return send(command, command.answerId(), command.moduleId(), feedbackId.value(), team, caller,
                Role.RESOURCE_PERSON, input.idempotencyKey());
    }

    @MutationMapping
    public ModuleAnswerPayload approveModuleAnswer(@Argument ApproveModuleAnswerInput input, GraphQLContext context) {
        Caller caller = callers.of(context);
        UnitView team = resourcePersonsTeam(caller, input.teamId(), "approve");
        ApproveModuleAnswer command = new ApproveModuleAnswer(TeamId.of(input.teamId()),
                ModuleId.of(input.moduleId()), input.version());
        return send(command, command.answerId(), command.moduleId(), null, team, caller, Role.RESOURCE_PERSON,
                input.idempotencyKey());
    }

    /** The team, if the caller is its resource person; refused alike whether or not it exists. */
    private UnitView resourcePersonsTeam(Caller caller, String teamId, String action) {
        return organisation.team(teamId).filter(caller::isResourcePersonOf).orElseThrow(() ->
                RuleViolation.forbidden("teamId", "you may not " + action + " module answers of team " + teamId
                        + ": only its resource persons may"));
    }

    private ModuleAnswerPayload send(Object command, ModuleAnswerId answerId, ModuleId moduleId, String feedbackId, UnitView team,
                                     Caller caller, Role role, String idempotencyKey) {
        TeamProgress after = dispatcher.send(command, caller.personId(), role.name(), idempotencyKey,
                new FindTeamProgress(team.id), TeamProgress.class, v -> v.applied(answerId.value()),
                query -> progress.find(team.id).orElse(null)).view();
        ModuleProgress module = TeamProgressView.of(after, team.name, clock.instant()).modules().stream()
                .filter(m -> m.moduleId().equals(moduleId.value())).findFirst().orElse(null);
        return new ModuleAnswerPayload(answerId.value(), feedbackId, module);
    }
}
