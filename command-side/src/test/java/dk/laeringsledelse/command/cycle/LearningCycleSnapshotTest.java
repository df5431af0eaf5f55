package dk.laeringsledelse.command.cycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.laeringsledelse.kernel.cycle.Attainment;
import dk.laeringsledelse.kernel.cycle.FeedbackAbout;
import dk.laeringsledelse.command.support.IdempotencyKeys;
import org.junit.jupiter.api.Test;

import static dk.laeringsledelse.command.cycle.CycleTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Snapshots store the aggregate as JSON (Axon's JacksonSerializer); its state must survive the round trip. */
class LearningCycleSnapshotTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void givenCycleWithEveryKindOfState_whenSerializedAndRead_thenEqualState() throws Exception {
        LearningCycle cycle = new LearningCycle();
        cycle.on(cycleStarted());
        cycle.idempotencyKeys().remember("person-1", "SomeCommand", KEY, "fingerprint", "id-1");
        cycle.on(goalSet());
        cycle.idempotencyKeys().remember("person-1", "SomeCommand", "key-2", "fingerprint", "id-1");
        cycle.on(goalSet(OTHER_GOAL_ID));
        cycle.on(activityPlanned(GOAL_ID, OTHER_GOAL_ID));
        cycle.on(activityCarriedOut());
        cycle.idempotencyKeys().remember("person-1", "SomeCommand", "key-3", "fingerprint", "id-1");
        cycle.on(signDocumented(ACTIVITY_ID, 0));
        cycle.on(assessed(Attainment.ACHIEVED, SIGN_ID));
        cycle.on(feedbackGiven(FeedbackAbout.cycle()));
        cycle.on(feedbackResponded());
        cycle.on(reflectionRecorded());

        String json = MAPPER.writeValueAsString(cycle);
        LearningCycle read = MAPPER.readValue(json, LearningCycle.class);

        assertThat(json).contains("\"goal-1\"", "|key-3\"", "\"2025-09-01\"");
        assertThat(read).usingRecursiveComparison().isEqualTo(cycle);
        assertThat(read.idempotencyKeys().lookUp("person-1", "SomeCommand", "key-3"))
                .isEqualTo(new IdempotencyKeys.Seen("fingerprint", "id-1"));
    }

    @Test
    void givenSnapshotFromBeforeKeysWereScoped_whenRead_thenItsKeysAnswerAsBefore() throws Exception {
        String json = "{\"cycleId\":\"cycle-1\",\"teamId\":\"team-1\",\"status\":\"OPEN\",\"idempotencyKeys\":"
                + "{\"seen\":{\"key-1\":{\"command\":\"SetLearningGoal\",\"result\":\"goal-1\"}}}}";

        LearningCycle read = MAPPER.readValue(json, LearningCycle.class);

        assertThat(read.idempotencyKeys().lookUp("person-1", "SetLearningGoal", "key-1"))
                .isEqualTo(new IdempotencyKeys.Seen(null, "goal-1"));
    }
}
