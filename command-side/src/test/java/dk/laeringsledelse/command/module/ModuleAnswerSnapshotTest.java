package dk.laeringsledelse.command.module;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.laeringsledelse.kernel.cycle.FeedbackId;
import dk.laeringsledelse.command.support.IdempotencyKeys;
import org.junit.jupiter.api.Test;

import static dk.laeringsledelse.command.module.ModuleTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Snapshots store the aggregate as JSON (Axon's JacksonSerializer); its state must survive the round trip. */
class ModuleAnswerSnapshotTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void givenVersionsFeedbackApprovalAndKeys_whenSerializedAndRead_thenEqualState() throws Exception {
        ModuleAnswer answer = new ModuleAnswer();
        answer.on(submitted(1, ANSWER_1));
        answer.idempotencyKeys().remember("person-1", "SomeCommand", KEY, "fingerprint", "id-1");
        answer.on(feedbackGiven(1));
        answer.idempotencyKeys().remember("person-1", "SomeCommand", "key-2", "fingerprint", "id-1");
        answer.on(feedbackGiven(FeedbackId.of("feedback-2"), 1));
        answer.on(submitted(2, ANSWER_2));
        answer.on(approved(2));
        answer.idempotencyKeys().remember("person-1", "SomeCommand", "key-3", "fingerprint", "id-1");

        String json = MAPPER.writeValueAsString(answer);
        ModuleAnswer read = MAPPER.readValue(json, ModuleAnswer.class);

        assertThat(json).contains("\"team-1|TEAM_DATA_TO_PRACTICE\"", "\"feedback-2\"", "|key-3\"");
        assertThat(read).usingRecursiveComparison().isEqualTo(answer);
        assertThat(read.idempotencyKeys().lookUp("person-1", "SomeCommand", "key-3"))
                .isEqualTo(new IdempotencyKeys.Seen("fingerprint", "id-1"));
    }
}
