package dk.laeringsledelse.kernel.module;

import dk.laeringsledelse.kernel.cycle.TeamId;
import org.junit.jupiter.api.Test;

import static dk.laeringsledelse.kernel.ApprovedJson.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

class ModulesTest {

    @Test
    void teamsAnswerTheThreeModulesOfSeed002InTheProgramsOrder() {
        assertThat(Modules.forAudience(Audience.TEAM)).extracting(ELearningModule::titleDa).containsExactly(
                "Fra analyse af data til udvikling af pædagogisk praksis",
                "Læringsmålstyret planlægning og pædagogisk praksis",
                "Teamet som professionelt læringsfællesskab");
    }

    @Test
    void leadersHaveOneModuleAndResourcePersonsTwo() {
        assertThat(Modules.forAudience(Audience.LEADER)).hasSize(1);
        assertThat(Modules.forAudience(Audience.RESOURCE_PERSON)).hasSize(2);
    }

    @Test
    void moduleIdsAreUniqueAndContainNoSeparator() {
        assertThat(Modules.all()).extracting(ELearningModule::id).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id.value()).doesNotContain("|").matches("[A-Z_]+"));
    }

    @Test
    void unknownModuleIsNotFound() {
        assertThat(Modules.find(ModuleId.of("NO_SUCH_MODULE"))).isEmpty();
        assertThat(Modules.find(null)).isEmpty();
        assertThat(Modules.find(Modules.TEAM_LEARNING_COMMUNITY)).get()
                .extracting(ELearningModule::audience).isEqualTo(Audience.TEAM);
    }

    @Test
    void answerIdIsTeamAndModule() throws Exception {
        ModuleAnswerId id = ModuleAnswerId.of(TeamId.of("team-1"), Modules.TEAM_DATA_TO_PRACTICE);

        assertThat(id).hasToString("team-1|TEAM_DATA_TO_PRACTICE");
        assertThat(MAPPER.writeValueAsString(id)).isEqualTo("\"team-1|TEAM_DATA_TO_PRACTICE\"");
        assertThat(MAPPER.readValue("\"team-1|TEAM_DATA_TO_PRACTICE\"", ModuleAnswerId.class)).isEqualTo(id);
    }

    @Test
    void commandsTargetTheAnswerOfTheirTeamAndModule() {
        var submit = new SubmitModuleAnswer(TeamId.of("team-1"), Modules.TEAM_DATA_TO_PRACTICE, "svar");

        assertThat(submit.answerId()).isEqualTo(ModuleAnswerId.of("team-1|TEAM_DATA_TO_PRACTICE"));
        assertThat(new SubmitModuleAnswer(null, null, "svar").answerId()).hasToString("|");
    }
}
