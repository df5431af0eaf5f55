package dk.laeringsledelse.command.module;

import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.module.ModuleAnswerId;
import dk.laeringsledelse.kernel.module.ModuleAnswerSubmitted;
import dk.laeringsledelse.kernel.module.ModuleId;
import dk.laeringsledelse.kernel.module.Modules;
import dk.laeringsledelse.kernel.module.SubmitModuleAnswer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dk.laeringsledelse.command.support.Expectations.outcome;
import static dk.laeringsledelse.command.support.Expectations.text;
import static dk.laeringsledelse.command.support.Expectations.violation;
import static dk.laeringsledelse.command.module.ModuleTestData.*;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;
import static dk.laeringsledelse.kernel.ErrorCode.CONFLICT;

/** Submitting a team's answer to a module, and resubmitting it as a new version. */
class SubmitModuleAnswerTest {

    private AggregateTestFixture<ModuleAnswer> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void givenNoPriorActivity_whenSubmitModuleAnswer_thenVersionOneSubmittedAndAnswerIdReturned() {
        fixture.givenNoPriorActivity()
                .when(submit(ANSWER_1))
                .expectEvents(submitted(1, ANSWER_1))
                .expectResultMessagePayloadMatching(outcome(ANSWER_ID.value(), 0L));
    }

    @Test
    void givenVersionOneSubmitted_whenSubmitAnotherAnswer_thenVersionTwo() {
        fixture.given(submitted(1, ANSWER_1))
                .when(submit(ANSWER_2))
                .expectEvents(submitted(2, ANSWER_2))
                .expectResultMessagePayloadMatching(outcome(ANSWER_ID.value(), 1L));
    }

    @Test
    void givenVersionOneWithFeedback_whenSubmitAnotherAnswer_thenVersionTwo() {
        fixture.given(submitted(1, ANSWER_1), feedbackGiven(1))
                .when(submit(ANSWER_2))
                .expectEvents(submitted(2, ANSWER_2));
    }

    @Test
    void givenVersionOneSubmitted_whenSubmitTheSameAnswer_thenRejected() {
        fixture.given(submitted(1, ANSWER_1))
                .when(submit(ANSWER_1))
                .expectException(violation(BAD_REQUEST, "answer"))
                .expectExceptionMessage("answer must differ from the latest version 1")
                .expectNoEvents();
    }

    @Test
    void givenVersionsOneAndTwo_whenSubmitVersionOnesAnswerAgain_thenVersionThree() {
        fixture.given(submitted(1, ANSWER_1), submitted(2, ANSWER_2))
                .when(submit(ANSWER_1))
                .expectEvents(submitted(3, ANSWER_1));
    }

    @Test
    void givenAnswerApproved_whenSubmitAnotherAnswer_thenConflict() {
        fixture.given(submitted(1, ANSWER_1), approved(1))
                .when(submit(ANSWER_2))
                .expectException(violation(CONFLICT, "moduleId"))
                .expectExceptionMessage("the answer of team team-1 to module TEAM_DATA_TO_PRACTICE was approved in "
                        + "version 1; an approved answer is final")
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenSubmitToALeaderModule_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new SubmitModuleAnswer(TEAM_ID, Modules.LEADER_MAPPING_RESULTS, ANSWER_1))
                .expectException(violation(BAD_REQUEST, "moduleId"))
                .expectExceptionMessage("moduleId LEADER_MAPPING_RESULTS is a module for LEADER, not for teams")
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenSubmitToAResourcePersonModule_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new SubmitModuleAnswer(TEAM_ID, Modules.RESOURCE_PERSON_GUIDING_LEARNING_COMMUNITIES, ANSWER_1))
                .expectException(violation(BAD_REQUEST, "moduleId"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenSubmitToAnUnknownModule_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new SubmitModuleAnswer(TEAM_ID, ModuleId.of("TEAM_MODULE_4"), ANSWER_1))
                .expectException(violation(BAD_REQUEST, "moduleId"))
                .expectExceptionMessage("moduleId TEAM_MODULE_4 is not a known e-learning module")
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenSubmitEachTeamModule_thenEachIsItsOwnAnswer() {
        fixture.givenNoPriorActivity()
                .when(new SubmitModuleAnswer(TEAM_ID, Modules.TEAM_LEARNING_COMMUNITY, ANSWER_1))
                .expectEvents(new ModuleAnswerSubmitted(ModuleAnswerId.of("team-1|TEAM_LEARNING_COMMUNITY"), TEAM_ID,
                        Modules.TEAM_LEARNING_COMMUNITY, 1, ANSWER_1));
    }

    @Test
    void givenNoPriorActivity_whenSubmitAnswerOf20000Characters_thenSubmitted() {
        fixture.givenNoPriorActivity()
                .when(submit(text(20_000)))
                .expectEvents(submitted(1, text(20_000)));
    }

    @Test
    void givenNoPriorActivity_whenSubmitAnswerOf20001Characters_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(submit(text(20_001)))
                .expectException(violation(BAD_REQUEST, "answer"))
                .expectExceptionMessage("answer must not be longer than 20000 characters")
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenSubmitBlankAnswer_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(submit("   "))
                .expectException(violation(BAD_REQUEST, "answer"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenSubmitWithoutTeam_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new SubmitModuleAnswer(null, MODULE_ID, ANSWER_1))
                .expectException(violation(BAD_REQUEST, "teamId"))
                .expectExceptionMessage("teamId must be given")
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenSubmitWithTeamIdOf101Characters_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new SubmitModuleAnswer(TeamId.of(text(101)), MODULE_ID, ANSWER_1))
                .expectException(violation(BAD_REQUEST, "teamId"))
                .expectNoEvents();
    }

    @Test
    void givenNoPriorActivity_whenSubmitWithoutModule_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new SubmitModuleAnswer(TEAM_ID, null, ANSWER_1))
                .expectException(violation(BAD_REQUEST, "moduleId"))
                .expectNoEvents();
    }
}
