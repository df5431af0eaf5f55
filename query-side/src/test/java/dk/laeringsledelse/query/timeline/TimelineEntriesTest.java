package dk.laeringsledelse.query.timeline;

import static dk.laeringsledelse.query.timeline.TimelineTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.kernel.cycle.FeedbackAbout;
import dk.laeringsledelse.kernel.cycle.FeedbackGiven;
import dk.laeringsledelse.kernel.cycle.AuthorRole;
import dk.laeringsledelse.kernel.cycle.LearningGoalSet;
import dk.laeringsledelse.kernel.cycle.TargetGroup;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineEntriesTest {

    private static final Instant AT = Instant.parse("2026-01-05T09:00:00.123456789Z");

    private static TimelineEntry entryOf(Object payload) {
        return TimelineEntries.of(message("evt-1", AT, payload)).orElseThrow();
    }

    @Test
    void everyEventKindBecomesOneEntryOfItsKind() {
        List<TimelineEntry> entries = TimelineEntries.ofAll(everyKind());

        assertThat(entries).extracting(TimelineEntry::kind).containsExactly(TimelineEntryKind.values());
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.teamId()).isEqualTo(TEAM.value());
            assertThat(entry.cycleId()).isEqualTo(CYCLE.value());
            assertThat(entry.actor()).isEqualTo(ACTOR);
        });
    }

    @Test
    void entryCarriesEventIdTimestampInMillisAndActor() {
        TimelineEntry entry = entryOf(cycleStarted());

        assertThat(entry.id()).isEqualTo("evt-1");
        assertThat(entry.at()).isEqualTo(Instant.parse("2026-01-05T09:00:00.123Z"));
        assertThat(entry.actor()).isEqualTo(ACTOR);
    }

    @Test
    void withoutActorMetadataTheActorIsAnonymous() {
        TimelineEntry entry = TimelineEntries.of(anonymousMessage("evt-1", AT, cycleStarted())).orElseThrow();

        assertThat(entry.actor()).isEqualTo("anonymous");
    }

    @Test
    void freeTextThatMayDescribeAChildIsNeverQuoted() {
        assertThat(TimelineEntries.ofAll(everyKind()))
                .allSatisfy(entry -> assertThat(entry.summary()).doesNotContain("Emma", "table"));
    }

    @Test
    void summariesAreBuiltFromStructuredFacts() {
        assertThat(entryOf(cycleStarted()).summary())
                .isEqualTo("Cycle started: Language in the nursery (planned 2026-01-05 to 2026-03-27)");
        assertThat(entryOf(goalSet()).summary())
                .isEqualTo("Goal set: The children take part in conversations at circle time (theme kommunikation-og-sprog)");
        assertThat(entryOf(goalRevised()).summary()).isEqualTo("Goal g1 revised; expected signs revised (1 sign)");
        assertThat(entryOf(activityPlanned()).summary())
                .isEqualTo("Activity planned: Dialogic reading in small groups for 2026-01-20 (goals g1, g2)");
        assertThat(entryOf(activityCarriedOut()).summary()).isEqualTo("Activity a1 carried out on 2026-01-21");
        assertThat(entryOf(activityCancelled()).summary()).isEqualTo("Activity a1 cancelled");
        assertThat(entryOf(signDocumented()).summary()).isEqualTo(
                "Sign of learning documented for goal g1 in activity a1, matching expected sign 1 (observation, 2 children)");
        assertThat(entryOf(goalAssessed()).summary()).isEqualTo("Goal assessed: PARTLY (goal g1, based on 1 sign)");
        assertThat(entryOf(feedbackGiven()).summary()).isEqualTo("Feedback given by resource person on assessment as1");
        assertThat(entryOf(feedbackResponded()).summary()).isEqualTo("Team responded to feedback f1");
        assertThat(entryOf(reflectionRecorded()).summary()).isEqualTo("Reflection recorded (r1)");
        assertThat(entryOf(cycleCompleted()).summary()).isEqualTo("Cycle completed");
        assertThat(entryOf(cycleAbandoned()).summary()).isEqualTo("Cycle abandoned");
    }

    @Test
    void longDescriptionsAreCutTo80CharactersOnOneLine() {
        String description = "Line one\nof a goal " + "x".repeat(200);
        LearningGoalSet goal = new LearningGoalSet(CYCLE, TEAM, GOAL, description, "sprog", TargetGroup.wholeGroup(),
                List.of("sign"), null);

        String summary = entryOf(goal).summary();

        assertThat(summary).startsWith("Goal set: Line one of a goal xxx").endsWith("… (theme sprog)");
        assertThat(summary.substring("Goal set: ".length(), summary.indexOf('…'))).hasSize(80);
    }

    @Test
    void entriesNameTheIdsTheyConcernAndTheDayTheyHappened() {
        TimelineEntry sign = entryOf(signDocumented());
        assertThat(sign.signId()).isEqualTo("s1");
        assertThat(sign.goalId()).isEqualTo("g1");
        assertThat(sign.activityId()).isEqualTo("a1");
        assertThat(sign.occurredOn()).isEqualTo(LocalDate.of(2026, 1, 22));

        TimelineEntry planned = entryOf(activityPlanned());
        assertThat(planned.activityId()).isEqualTo("a1");
        assertThat(planned.goalId()).as("first goal served").isEqualTo("g1");
        assertThat(planned.occurredOn()).isEqualTo(LocalDate.of(2026, 1, 20));

        assertThat(entryOf(activityCarriedOut()).occurredOn()).isEqualTo(LocalDate.of(2026, 1, 21));

        TimelineEntry assessed = entryOf(goalAssessed());
        assertThat(assessed.assessmentId()).isEqualTo("as1");
        assertThat(assessed.goalId()).isEqualTo("g1");
        assertThat(assessed.occurredOn()).isNull();

        TimelineEntry feedback = entryOf(feedbackGiven());
        assertThat(feedback.feedbackId()).isEqualTo("f1");
        assertThat(feedback.assessmentId()).as("what the feedback is about").isEqualTo("as1");

        assertThat(entryOf(feedbackResponded()).feedbackId()).isEqualTo("f1");
    }

    @Test
    void feedbackOnTheCycleConcernsNoPart() {
        TimelineEntry entry = entryOf(new FeedbackGiven(CYCLE, TEAM, FEEDBACK, FeedbackAbout.cycle(), AuthorRole.PEER, "x"));

        assertThat(entry.summary()).isEqualTo("Feedback given by peer on the cycle");
        assertThat(List.of(String.valueOf(entry.goalId()), String.valueOf(entry.activityId()),
                String.valueOf(entry.signId()), String.valueOf(entry.assessmentId()))).containsOnly("null");
    }

    @Test
    void aPayloadThatIsNoLearningCycleEventGivesNoEntry() {
        assertThat(TimelineEntries.of(message("evt-1", AT, "something else"))).isEmpty();
    }

    @Test
    void theSameEventAlwaysGivesTheSameEntry() {
        assertThat(TimelineEntries.ofAll(everyKind())).isEqualTo(TimelineEntries.ofAll(everyKind()));
    }
}
