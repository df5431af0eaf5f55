package dk.laeringsledelse.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.app.support.ApplicationTest;
import dk.laeringsledelse.app.support.TestApi.TestTeam;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A cycle and a team timeline as they read at past instants, replayed from the events. */
class TimeTravelIT extends ApplicationTest {

    @Test
    void aCycleAndItsTimelineReadAsTheyDidAtEachPastInstant() {
        TestTeam team = newTeam("pia");
        assign("anne", "AUDITOR", team);
        HttpGraphQlTester pia = graphQl("pia");
        String cycleId = pia.documentName("startLearningCycle").fragmentName("cycleFields")
                .variable("input", startInput(team.teamId(), "Sprog")).execute().errors().verify()
                .path("startLearningCycle.cycleId").entity(String.class).get();
        pia.documentName("setLearningGoal").fragmentName("cycleFields").variable("input", Map.of("cycleId", cycleId,
                        "description", "Mål", "curriculumTheme", "social-udvikling",
                        "targetGroup", Map.of("kind", "WHOLE_GROUP"), "expectedSigns", List.of("Tegn")))
                .execute().errors().verify();
        pia.documentName("abandonLearningCycle").fragmentName("cycleFields")
                .variable("input", Map.of("cycleId", cycleId, "reason", "Teamet lægges sammen")).execute()
                .errors().verify();

        HttpGraphQlTester anne = graphQl("anne");
        List<String> at = anne.documentName("teamTimeline").variable("teamId", team.teamId()).execute().errors()
                .verify().path("teamTimeline.edges[*].node.at").entityList(String.class).hasSize(3).get();
        Instant started = Instant.parse(at.get(0));
        Instant goalSet = Instant.parse(at.get(1));

        asOf(anne, cycleId, started.minusMillis(1)).path("learningCycle").valueIsNull();
        asOf(anne, cycleId, started)
                .path("learningCycle.version").entity(Integer.class).isEqualTo(0)
                .path("learningCycle.phase").entity(String.class).isEqualTo("PLANNING")
                .path("learningCycle.counts.goals").entity(Integer.class).isEqualTo(0);
        asOf(anne, cycleId, goalSet)
                .path("learningCycle.version").entity(Integer.class).isEqualTo(1)
                .path("learningCycle.counts.goals").entity(Integer.class).isEqualTo(1)
                .path("learningCycle.phase").entity(String.class).isEqualTo("PLANNING");

        // replaying everything gives exactly today's view: the same projection code, not a second implementation
        Map<String, Object> now = anne.documentName("learningCycle").fragmentName("cycleFields").variable("id", cycleId)
                .execute().errors().verify().path("learningCycle").entity(Map.class).get();
        Map<String, Object> replayed = asOf(anne, cycleId, Instant.now()).path("learningCycle").entity(Map.class).get();
        assertThat(replayed).isEqualTo(now).containsEntry("phase", "ABANDONED");

        anne.documentName("teamTimeline").variable("teamId", team.teamId()).variable("asOf", goalSet.toString())
                .execute().errors().verify()
                .path("teamTimeline.edges[*].node.kind").entityList(String.class)
                .containsExactly("CYCLE_STARTED", "GOAL_SET");

        String progress = "query($t: ID!, $asOf: DateTime) { teamProgress(teamId: $t, asOf: $asOf) { "
                + "activeCycles { cycleId phase } completedCycles { cycleId phase } goals { set } signs { total } } }";
        anne.document(progress).variable("t", team.teamId()).variable("asOf", goalSet.toString()).execute()
                .errors().verify()
                .path("teamProgress.activeCycles[0].phase").entity(String.class).isEqualTo("PLANNING")
                .path("teamProgress.goals.set").entity(Integer.class).isEqualTo(1);
        Map<String, Object> progressNow = anne.document(progress).variable("t", team.teamId()).execute().errors()
                .verify().path("teamProgress").entity(Map.class).get();
        Map<String, Object> progressReplayed = anne.document(progress).variable("t", team.teamId())
                .variable("asOf", Instant.now().toString()).execute().errors().verify()
                .path("teamProgress").entity(Map.class).get();
        assertThat(progressReplayed).isEqualTo(progressNow);

        graphQl("stranger").documentName("learningCycle").fragmentName("cycleFields").variable("id", cycleId)
                .variable("asOf", goalSet.toString()).execute().errors().verify().path("learningCycle").valueIsNull();
    }

    private static org.springframework.graphql.test.tester.GraphQlTester.Traversable asOf(HttpGraphQlTester tester,
                                                                                       String cycleId, Instant asOf) {
        return tester.documentName("learningCycle").fragmentName("cycleFields").variable("id", cycleId)
                .variable("asOf", asOf.toString()).execute().errors().verify();
    }
}
