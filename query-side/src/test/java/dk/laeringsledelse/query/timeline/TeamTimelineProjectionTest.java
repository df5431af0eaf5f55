package dk.laeringsledelse.query.timeline;

import dk.laeringsledelse.eventstore.testsupport.TestMongo;

import static dk.laeringsledelse.query.timeline.TimelineTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import dk.laeringsledelse.kernel.cycle.LearningCycleEvent;
import dk.laeringsledelse.kernel.cycle.LearningGoalSet;
import dk.laeringsledelse.kernel.cycle.TargetGroup;
import dk.laeringsledelse.kernel.cycle.TeamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamTimelineProjectionTest {

    private MongoDatabase db;
    private TeamTimelineProjection projection;

    @BeforeEach
    void setUp() {
        db = TestMongo.freshDatabase();
        projection = new TeamTimelineProjection(db);
    }

    private void given(List<EventMessage<?>> events) {
        events.forEach(event -> projection.on((LearningCycleEvent) event.getPayload(), event));
    }

    private List<Document> buckets() {
        return db.getCollection("team_timelines").find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private Document index(String teamId) {
        return db.getCollection("team_timeline_index").find(new Document("_id", teamId)).first();
    }

    private List<String> entryIds(Document bucket) {
        return TimelineDocuments.entriesOf(bucket).stream().map(e -> e.getString("id")).toList();
    }

    @Test
    void givenEventsAcrossAMonthBoundary_thenOneBucketPerMonthInTimelineOrder() {
        given(everyKind());

        List<Document> buckets = buckets();
        assertThat(buckets).extracting(b -> b.getString("_id")).containsExactly("team-1|2026-01", "team-1|2026-02");
        assertThat(buckets.get(0).getString("teamId")).isEqualTo("team-1");
        assertThat(buckets.get(0).getString("month")).isEqualTo("2026-01");
        assertThat(entryIds(buckets.get(0))).containsExactly("e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9");
        assertThat(entryIds(buckets.get(1))).containsExactly("e10", "e11", "e12", "e13");
    }

    @Test
    void givenEvents_thenTheIndexListsTheTeamsMonthsInOrder() {
        given(everyKind());

        assertThat(index("team-1").getList("months", String.class)).containsExactly("2026-01", "2026-02");
    }

    @Test
    void givenEveryKind_thenStoredEntriesReadBackAsTheEntriesOfTheEvents() {
        given(everyKind());

        List<TimelineEntry> stored = buckets().stream()
                .flatMap(b -> TimelineDocuments.entriesOf(b).stream().map(e -> TimelineDocuments.fromDocument("team-1", e)))
                .toList();
        assertThat(stored).isEqualTo(TimelineEntries.ofAll(everyKind()));
    }

    @Test
    void givenTheSameEventsTwice_thenTheDocumentsAreIdentical() {
        given(everyKind());
        List<Document> once = buckets();
        Document indexOnce = index("team-1");

        given(everyKind());

        assertThat(buckets()).isEqualTo(once);
        assertThat(index("team-1")).isEqualTo(indexOnce);
    }

    @Test
    void givenEventsOutOfOrder_thenEntriesAreStillSortedByTimeThenId() {
        List<EventMessage<?>> shuffled = new ArrayList<>(everyKind());
        Collections.reverse(shuffled);
        EventMessage<?> sameMoment = message("e0", shuffled.get(shuffled.size() - 1).getTimestamp(), cycleCompleted());
        shuffled.add(sameMoment);

        given(shuffled);

        assertThat(entryIds(buckets().get(0))).containsExactly("e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9");
    }

    @Test
    void anActivityCarriedOutIsNamedByTheTitleItWasPlannedWith_evenByAProjectionStartedAfterThePlanning() {
        Instant at = Instant.parse("2026-01-05T09:00:00Z");
        given(List.of(message("e1", at, goalSet()), message("e2", at.plusSeconds(60), activityPlanned())));

        projection = new TeamTimelineProjection(db);
        given(List.of(message("e3", at.plusSeconds(120), activityCarriedOut())));

        List<Document> entries = TimelineDocuments.entriesOf(buckets().get(0));
        assertThat(entries.get(2).getString("summary"))
                .isEqualTo("Aktivitet 'Dialogic reading in small groups' gennemført den 2026-01-21");
        assertThat(db.getCollection("team_timeline_titles").find().first().toJson())
                .doesNotContain("Emma", "table");
    }

    @Test
    void monthsAreCalendarMonthsInUtc() {
        given(List.of(message("late", Instant.parse("2026-01-31T23:59:59.999Z"), goalSet()),
                message("early", Instant.parse("2026-02-01T00:00:00Z"), goalSet())));

        assertThat(buckets()).extracting(b -> b.getString("_id")).containsExactly("team-1|2026-01", "team-1|2026-02");
    }

    @Test
    void reset_clearsBothCollections_andAReplayRebuildsTheSameDocuments() {
        given(everyKind());
        List<Document> before = buckets();

        projection.reset();

        assertThat(db.getCollection("team_timelines").countDocuments()).isZero();
        assertThat(db.getCollection("team_timeline_index").countDocuments()).isZero();
        assertThat(db.getCollection("team_timeline_titles").countDocuments()).isZero();

        given(everyKind());
        assertThat(buckets()).isEqualTo(before);
    }

    @Test
    void axonDispatchesEventMessagesAndResetsThroughTheAnnotations() throws Exception {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        for (EventMessage<?> event : everyKind()) {
            adapter.handle(event);
        }
        assertThat(buckets()).hasSize(2);
        assertThat(adapter.supportsReset()).isTrue();

        adapter.prepareReset();

        assertThat(buckets()).isEmpty();
    }

    @Test
    void teamsHaveTheirOwnBucketsAndIndex() {
        given(everyKind());
        LearningGoalSet otherTeams = new LearningGoalSet(CYCLE, TeamId.of("team-2"), GOAL, "x", "y",
                TargetGroup.wholeGroup(), List.of("s"), null);
        given(List.of(message("other", Instant.parse("2026-05-01T10:00:00Z"), otherTeams)));

        assertThat(index("team-1").getList("months", String.class)).containsExactly("2026-01", "2026-02");
        assertThat(index("team-2").getList("months", String.class)).containsExactly("2026-05");
        assertThat(entryIds(buckets().get(2))).containsExactly("other");
    }
}
