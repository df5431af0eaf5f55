package dk.laeringsledelse.kernel.cycle;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dk.laeringsledelse.kernel.cycle.EventJsonCompatibilityTest.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

class TypedIdJsonTest {

    @Test
    void typedIdSerializesAsPlainString() throws Exception {
        assertThat(MAPPER.writeValueAsString(GoalId.of("goal-1"))).isEqualTo("\"goal-1\"");
        assertThat(MAPPER.readValue("\"goal-1\"", GoalId.class)).isEqualTo(GoalId.of("goal-1"));
    }

    @Test
    void typedIdToStringIsItsValue() {
        assertThat(CycleId.of("cycle-1")).hasToString("cycle-1");
    }

    @Test
    void typedIdWorksAsMapKey() throws Exception {
        String json = MAPPER.writeValueAsString(Map.of(SignId.of("sign-1"), 1));

        assertThat(json).isEqualTo("{\"sign-1\":1}");
        assertThat(MAPPER.readValue(json, new TypeReference<Map<SignId, Integer>>() { }))
                .containsEntry(SignId.of("sign-1"), 1);
    }
}
