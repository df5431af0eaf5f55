package dk.laeringsledelse.command.module;

import dk.laeringsledelse.kernel.cycle.FeedbackId;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.module.ApproveModuleAnswer;
import dk.laeringsledelse.kernel.module.GiveModuleFeedback;
import dk.laeringsledelse.kernel.module.ModuleAnswerApproved;
import dk.laeringsledelse.kernel.module.ModuleAnswerId;
import dk.laeringsledelse.kernel.module.ModuleAnswerSubmitted;
import dk.laeringsledelse.kernel.module.ModuleFeedbackGiven;
import dk.laeringsledelse.kernel.module.ModuleId;
import dk.laeringsledelse.kernel.module.Modules;
import dk.laeringsledelse.kernel.module.SubmitModuleAnswer;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** Test data for module answers: team 1's answer to the first team module. */
final class ModuleTestData {

    static final TeamId TEAM_ID = TeamId.of("team-1");
    static final ModuleId MODULE_ID = Modules.TEAM_DATA_TO_PRACTICE;
    static final ModuleAnswerId ANSWER_ID = ModuleAnswerId.of("team-1|TEAM_DATA_TO_PRACTICE");
    static final FeedbackId FEEDBACK_ID = FeedbackId.of("feedback-1");
    static final String ANSWER_1 = "Vi bruger sprogvurderingen til at vælge fokusområder.";
    static final String ANSWER_2 = "Vi bruger sprogvurderingen og trivselsmålingen til at vælge to fokusområder.";
    static final String FEEDBACK = "Beskriv, hvordan I følger op ved T2.";
    static final String KEY = "key-1";

    private ModuleTestData() {
    }

    static AggregateTestFixture<ModuleAnswer> fixture() {
        return new AggregateTestFixture<>(ModuleAnswer.class);
    }

    static SubmitModuleAnswer submit(String answer) {
        return new SubmitModuleAnswer(TEAM_ID, MODULE_ID, answer);
    }

    static ModuleAnswerSubmitted submitted(int version, String answer) {
        return new ModuleAnswerSubmitted(ANSWER_ID, TEAM_ID, MODULE_ID, version, answer);
    }

    static GiveModuleFeedback giveFeedback(int version) {
        return giveFeedback(FEEDBACK_ID, version);
    }

    static GiveModuleFeedback giveFeedback(FeedbackId feedbackId, int version) {
        return new GiveModuleFeedback(TEAM_ID, MODULE_ID, feedbackId, version, FEEDBACK);
    }

    static ModuleFeedbackGiven feedbackGiven(int version) {
        return feedbackGiven(FEEDBACK_ID, version);
    }

    static ModuleFeedbackGiven feedbackGiven(FeedbackId feedbackId, int version) {
        return new ModuleFeedbackGiven(ANSWER_ID, TEAM_ID, MODULE_ID, feedbackId, version, FEEDBACK);
    }

    static ApproveModuleAnswer approve(int version) {
        return new ApproveModuleAnswer(TEAM_ID, MODULE_ID, version);
    }

    static ModuleAnswerApproved approved(int version) {
        return new ModuleAnswerApproved(ANSWER_ID, TEAM_ID, MODULE_ID, version);
    }
}
