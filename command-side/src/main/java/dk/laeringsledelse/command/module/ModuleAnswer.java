package dk.laeringsledelse.command.module;

import dk.laeringsledelse.command.support.Outcomes;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dk.laeringsledelse.command.support.Check;
import dk.laeringsledelse.command.support.IdempotencyKeys;
import dk.laeringsledelse.command.support.KeepsIdempotencyKeys;
import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.kernel.cycle.FeedbackId;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.module.ApproveModuleAnswer;
import dk.laeringsledelse.kernel.module.Audience;
import dk.laeringsledelse.kernel.module.ELearningModule;
import dk.laeringsledelse.kernel.module.GiveModuleFeedback;
import dk.laeringsledelse.kernel.module.ModuleAnswerApproved;
import dk.laeringsledelse.kernel.module.ModuleAnswerId;
import dk.laeringsledelse.kernel.module.ModuleAnswerSubmitted;
import dk.laeringsledelse.kernel.module.ModuleFeedbackGiven;
import dk.laeringsledelse.kernel.module.ModuleId;
import dk.laeringsledelse.kernel.module.Modules;
import dk.laeringsledelse.kernel.module.SubmitModuleAnswer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A team's shared answer to one e-learning module (seed 002: the team answers each module together and gets feedback
 * from its resource person on the answer). Id {@code <teamId>|<moduleId>}: one answer per team and module.
 *
 * <p>Rules:
 * <ul>
 *   <li>only modules for {@link Audience#TEAM} are answered by teams; the answer is at most 20,000 characters;</li>
 *   <li>each submission is the next version (1, 2, ...) and must differ from the latest one;</li>
 *   <li>feedback is about a submitted version, the latest or an earlier one (a resource person may be reading
 *       version 1 while the team submits version 2); feedback ids are unique within the answer;</li>
 *   <li>only the latest version can be approved, once; an approved answer is final: no new versions, no more
 *       feedback (the approval is the resource person's last word, and the module counts as done).</li>
 * </ul>
 * Whether the actor is the team's member or its resource person is checked by the API layer, not here.
 *
 * <p>Every command is handled with CREATE_IF_MISSING: a submission creates the answer, and feedback or approval of an
 * answer that was never submitted gets a NOT_FOUND naming {@code moduleId} instead of Axon's aggregate-not-found
 * (a failing command on a new, empty answer stores nothing).
 */
@AggregateRoot(type = "ModuleAnswer")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ModuleAnswer implements KeepsIdempotencyKeys {

    static final int ANSWER_MAX = 20_000;

    @AggregateIdentifier
    private ModuleAnswerId answerId;
    private TeamId teamId;
    private ModuleId moduleId;
    /** The latest submitted version; 0 before the first submission. */
    private int latestVersion;
    /** The latest version's text, to tell whether a resubmission changes anything. */
    private String latestAnswer;
    /** The approved version, or 0. */
    private int approvedVersion;
    private final Set<FeedbackId> feedback = new HashSet<>();
    private final IdempotencyKeys idempotencyKeys = new IdempotencyKeys();

    /** For Axon (event sourcing, creation policy) and Jackson (snapshots). */
    public ModuleAnswer() {
    }

    /** Every command answers with what it created (or null) and the answer's version (read-your-own-writes). */
    @Override
    public IdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }

    @CommandHandlerInterceptor
    public Object answerWithVersion(InterceptorChain chain) throws Exception {
        return Outcomes.withVersion(chain);
    }

    // ---------------------------------------------------------------- submit

    /** Returns the answer id. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(SubmitModuleAnswer command) {
        Check.id("teamId", command.teamId());
        Check.id("moduleId", command.moduleId());
        String answer = Check.text("answer", command.answer(), ANSWER_MAX);
        ELearningModule module = teamModule(command.moduleId());
        if (approvedVersion > 0) {
            throw RuleViolation.conflict("moduleId", "the answer of team " + command.teamId() + " to module "
                    + module.id() + " was approved in version " + approvedVersion
                    + "; an approved answer is final");
        }
        if (answer.equals(latestAnswer)) {
            throw RuleViolation.badRequest("answer", "answer must differ from the latest version " + latestVersion);
        }
        ModuleAnswerId id = command.answerId();
        apply(new ModuleAnswerSubmitted(id, command.teamId(), command.moduleId(), latestVersion + 1, answer));
        return id.value();
    }

    @EventSourcingHandler
    void on(ModuleAnswerSubmitted event) {
        answerId = event.answerId();
        teamId = event.teamId();
        moduleId = event.moduleId();
        latestVersion = event.version();
        latestAnswer = event.answer();
    }

    // ---------------------------------------------------------------- feedback

    /** Returns the feedback id. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(GiveModuleFeedback command) {
        Check.id("teamId", command.teamId());
        Check.id("moduleId", command.moduleId());
        Check.id("feedbackId", command.feedbackId());
        version(command.version());
        String text = Check.text("text", command.text(), Check.TEXT_MAX);
        requireSubmitted(command.teamId(), command.moduleId());
        requireSubmittedVersion(command.version());
        if (approvedVersion > 0) {
            throw RuleViolation.conflict("moduleId", "the answer of team " + teamId + " to module " + moduleId
                    + " was approved in version " + approvedVersion + "; an approved answer takes no more feedback");
        }
        if (feedback.contains(command.feedbackId())) {
            throw RuleViolation.conflict("feedbackId",
                    "feedbackId " + command.feedbackId() + " already exists in this module answer");
        }
        apply(new ModuleFeedbackGiven(answerId, teamId, moduleId, command.feedbackId(), command.version(), text));
        return command.feedbackId().value();
    }

    @EventSourcingHandler
    void on(ModuleFeedbackGiven event) {
        feedback.add(event.feedbackId());
    }

    // ---------------------------------------------------------------- approval

    /** Returns null. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(ApproveModuleAnswer command) {
        Check.id("teamId", command.teamId());
        Check.id("moduleId", command.moduleId());
        version(command.version());
        requireSubmitted(command.teamId(), command.moduleId());
        requireSubmittedVersion(command.version());
        if (approvedVersion > 0) {
            throw RuleViolation.conflict("moduleId", "the answer of team " + teamId + " to module " + moduleId
                    + " was already approved in version " + approvedVersion);
        }
        if (command.version() != latestVersion) {
            throw RuleViolation.conflict("version", "version " + command.version() + " was superseded by version "
                    + latestVersion + "; only the latest version can be approved");
        }
        apply(new ModuleAnswerApproved(answerId, teamId, moduleId, command.version()));
        return null;
    }

    @EventSourcingHandler
    void on(ModuleAnswerApproved event) {
        approvedVersion = event.version();
    }

    // ---------------------------------------------------------------- helpers

    /** A known module that teams answer (BAD_REQUEST on moduleId otherwise). */
    private static ELearningModule teamModule(ModuleId moduleId) {
        ELearningModule module = Modules.find(moduleId).orElseThrow(() -> RuleViolation.badRequest("moduleId",
                "moduleId " + moduleId + " is not a known e-learning module"));
        if (module.audience() != Audience.TEAM) {
            throw RuleViolation.badRequest("moduleId", "moduleId " + moduleId + " is a module for "
                    + module.audience() + ", not for teams");
        }
        return module;
    }

    private static void version(int version) {
        if (version < 1) {
            throw RuleViolation.badRequest("version", "version must be at least 1");
        }
    }

    private void requireSubmitted(TeamId team, ModuleId module) {
        if (latestVersion == 0) {
            throw RuleViolation.notFound("moduleId",
                    "team " + team + " has not submitted an answer to module " + module);
        }
    }

    private void requireSubmittedVersion(int version) {
        if (version > latestVersion) {
            throw RuleViolation.notFound("version", "version " + version + " has not been submitted; the latest is "
                    + latestVersion);
        }
    }
}
