package dk.laeringsledelse.query.timeline;

import static dk.laeringsledelse.query.timeline.TimelineTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.kernel.cycle.FeedbackAbout;
import dk.laeringsledelse.kernel.cycle.FeedbackGiven;
import dk.laeringsledelse.kernel.cycle.AuthorRole;
import dk.laeringsledelse.kernel.cycle.LearningGoalRevised;
import dk.laeringsledelse.kernel.cycle.LearningGoalSet;
import dk.laeringsledelse.kernel.cycle.TargetGroup;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineEntriesTest {

    private static final Instant AT = Instant.parse("2026-01-05T09:00:00.123456789Z");

    private static TimelineEntry entryOf(Object payload) {
        return TimelineEntries.of(message("evt-1", AT, payload), new CycleTitles()).orElseThrow();
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
        TimelineEntry entry = TimelineEntries.of(anonymousMessage("evt-1", AT, cycleStarted()), new CycleTitles())
                .orElseThrow();

        assertThat(entry.actor()).isEqualTo("anonymous");
    }

    @Test
    void freeTextThatMayDescribeAChildIsNeverQuoted() {
        assertThat(TimelineEntries.ofAll(everyKind()))
                .allSatisfy(entry -> assertThat(entry.summary()).doesNotContain("Emma", "table"));
    }

    @Test
    void summariesSayInWordsWhatHappenedNamingTheTitlesOfEarlierEvents() {
        assertThat(TimelineEntries.ofAll(everyKind())).extracting(TimelineEntry::summary).containsExactly(
                "Forløb 'Language in the nursery' startet (planlagt 2026-01-05 til 2026-03-27)",
                "Læringsmål 'The children take part in conversations at circle time' sat (tema kommunikation-og-sprog)",
                "Læringsmål 'The children take part in conversations at circle time' revideret; "
                        + "forventede tegn revideret (1 tegn)",
                "Aktivitet 'Dialogic reading in small groups' planlagt til 2026-01-20 for 2 mål",
                "Aktivitet 'Dialogic reading in small groups' gennemført den 2026-01-21",
                "Aktivitet 'Dialogic reading in small groups' aflyst",
                "Tegn på læring dokumenteret for målet 'The children take part in conversations at circle time' "
                        + "i aktiviteten 'Dialogic reading in small groups', svarer til forventet tegn 1 "
                        + "(observation, 2 børn)",
                "Læringsmål 'The children take part in conversations at circle time' vurderet: delvist nået "
                        + "(ud fra 1 tegn)",
                "Feedback fra ressourceperson på en vurdering af målopfyldelse",
                "Teamet svarede på feedback fra ressourceperson",
                "Refleksion registreret",
                "Forløb 'Language in the nursery' afsluttet",
                "Forløb 'Language in the nursery' opgivet");
    }

    @Test
    void noSummaryShowsAnIdEvenWithoutTheEarlierEventsThatNamedThings() {
        assertThat(List.of(activityCarriedOut(), activityCancelled(), signDocumented(), goalAssessed(),
                goalRevised(), feedbackResponded(), cycleCompleted()))
                .extracting(payload -> entryOf(payload).summary())
                .containsExactly("Aktivitet gennemført den 2026-01-21", "Aktivitet aflyst",
                        "Tegn på læring dokumenteret, svarer til forventet tegn 1 (observation, 2 børn)",
                        "Læringsmål vurderet: delvist nået (ud fra 1 tegn)",
                        "Læringsmål revideret; forventede tegn revideret (1 tegn)",
                        "Teamet svarede på feedback", "Forløb afsluttet")
                .allSatisfy(summary -> assertThat(summary).doesNotContain("a1", "g1", "s1", "as1", "f1", "cycle-1"));
    }

    @Test
    void aRevisedGoalIsNamedByItsNewTitleFromThenOn() {
        LearningGoalRevised revised = new LearningGoalRevised(CYCLE, TEAM, GOAL, "Børnene fortæller om deres weekend",
                null, CHILD_TEXT);
        List<TimelineEntry> entries = TimelineEntries.ofAll(List.of(
                message("e1", AT, goalSet()), message("e2", AT.plusSeconds(1), revised),
                message("e3", AT.plusSeconds(2), goalAssessed())));

        assertThat(entries).extracting(TimelineEntry::summary).containsExactly(
                "Læringsmål 'The children take part in conversations at circle time' sat (tema kommunikation-og-sprog)",
                "Læringsmål 'The children take part in conversations at circle time' revideret til "
                        + "'Børnene fortæller om deres weekend'",
                "Læringsmål 'Børnene fortæller om deres weekend' vurderet: delvist nået (ud fra 1 tegn)");
    }

    @Test
    void longDescriptionsAreCutTo80CharactersOnOneLine() {
        String description = "Line one\nof a goal " + "x".repeat(200);
        LearningGoalSet goal = new LearningGoalSet(CYCLE, TEAM, GOAL, description, "sprog", TargetGroup.wholeGroup(),
                List.of("sign"), null);

        String summary = entryOf(goal).summary();

        assertThat(summary).startsWith("Læringsmål 'Line one of a goal xxx").endsWith("…' sat (tema sprog)");
        assertThat(summary.substring("Læringsmål '".length(), summary.indexOf('…'))).hasSize(80);
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

        assertThat(entry.summary()).isEqualTo("Feedback fra kollega på forløbet");
        assertThat(List.of(String.valueOf(entry.goalId()), String.valueOf(entry.activityId()),
                String.valueOf(entry.signId()), String.valueOf(entry.assessmentId()))).containsOnly("null");
    }

    @Test
    void aPayloadThatIsNoLearningCycleEventGivesNoEntry() {
        assertThat(TimelineEntries.of(message("evt-1", AT, "something else"), new CycleTitles())).isEmpty();
    }

    @Test
    void theSameEventAlwaysGivesTheSameEntry() {
        assertThat(TimelineEntries.ofAll(everyKind())).isEqualTo(TimelineEntries.ofAll(everyKind()));
    }
}
