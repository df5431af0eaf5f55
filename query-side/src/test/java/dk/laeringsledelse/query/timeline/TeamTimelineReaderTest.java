package dk.laeringsledelse.query.timeline;

import dk.laeringsledelse.query.support.Connection;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.kernel.ErrorCode;
import dk.laeringsledelse.kernel.RuleViolation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamTimelineReaderTest {

    private static final String TEAM = "team-1";
    private static final Instant START = Instant.parse("2026-01-01T08:00:00Z");

    private TeamTimelineProjection projection;
    private TeamTimelineReader reader;
    /** Entries of TEAM as stored, oldest first: 6 per month for 4 months (2026-01 .. 2026-04), plus other teams. */
    private List<TimelineEntry> stored;

    @BeforeEach
    void setUp() {
        MongoDatabase db = TestMongo.freshDatabase();
        projection = new TeamTimelineProjection(db);
        reader = new TeamTimelineReader(db);
        stored = new ArrayList<>();
        for (int month = 0; month < 4; month++) {
            for (int i = 0; i < 6; i++) {
                Instant at = START.atZone(java.time.ZoneOffset.UTC).plusMonths(month).toInstant().plus(4L * i, ChronoUnit.DAYS);
                TimelineEntry entry = entry(TEAM, "m" + month + "-" + i, at);
                stored.add(entry);
                projection.add(entry);
                projection.add(entry("team-2", "other-" + month + "-" + i, at));
            }
        }
    }

    static TimelineEntry entry(String teamId, String id, Instant at) {
        return new TimelineEntry(id, teamId, at, TimelineEntryKind.GOAL_SET, "user-1", "Goal set: x", "cycle-1",
                "g1", null, null, null, null, null);
    }

    private List<TimelineEntry> readAll(Instant from, Instant to, int first) {
        List<TimelineEntry> all = new ArrayList<>();
        String after = null;
        Connection<TimelineEntry> page;
        do {
            page = reader.read(TEAM, from, to, first, after);
            all.addAll(page.nodes());
            after = page.pageInfo().endCursor();
            assertThat(page.pageInfo().hasPreviousPage()).isEqualTo(all.size() > page.nodes().size());
        } while (page.pageInfo().hasNextPage());
        return all;
    }

    @Test
    void firstPage_isTheOldestEntries_withCursorsAndNextPage() {
        Connection<TimelineEntry> page = reader.read(TEAM, null, null, 5, null);

        assertThat(page.nodes()).isEqualTo(stored.subList(0, 5));
        assertThat(page.pageInfo().hasNextPage()).isTrue();
        assertThat(page.pageInfo().hasPreviousPage()).isFalse();
        assertThat(page.pageInfo().startCursor()).isEqualTo(page.edges().get(0).cursor());
        assertThat(page.pageInfo().endCursor()).isEqualTo(page.edges().get(4).cursor());
    }

    @Test
    void pagingWithCursors_walksTheWholeTimelineAcrossBuckets_oncePerEntryInOrder() {
        assertThat(readAll(null, null, 5)).isEqualTo(stored);
        assertThat(readAll(null, null, 7)).isEqualTo(stored);
        assertThat(readAll(null, null, 200)).isEqualTo(stored);
    }

    @Test
    void aPageThatEndsExactlyAtTheLastEntry_hasNoNextPage() {
        Connection<TimelineEntry> page = reader.read(TEAM, null, null, stored.size(), null);

        assertThat(page.nodes()).hasSize(stored.size());
        assertThat(page.pageInfo().hasNextPage()).isFalse();
    }

    @Test
    void fromIsInclusiveAndToIsExclusive() {
        Instant from = stored.get(3).at();
        Instant to = stored.get(15).at();

        assertThat(readAll(from, to, 4)).isEqualTo(stored.subList(3, 15));
    }

    @Test
    void aRangeWithinOneMonth_andARangeWithoutEntries() {
        Instant from = Instant.parse("2026-02-01T00:00:00Z");
        Instant to = Instant.parse("2026-03-01T00:00:00Z");
        assertThat(readAll(from, to, 50)).isEqualTo(stored.subList(6, 12));

        Connection<TimelineEntry> empty = reader.read(TEAM, Instant.parse("2030-01-01T00:00:00Z"), null, 50, null);
        assertThat(empty.edges()).isEmpty();
        assertThat(empty.pageInfo().hasNextPage()).isFalse();
        assertThat(empty.pageInfo().endCursor()).isNull();
    }

    @Test
    void aCursorStaysValidWhenEntriesAreAddedBeforeAndAfterIt() {
        Connection<TimelineEntry> first = reader.read(TEAM, null, null, 10, null);
        projection.add(entry(TEAM, "early", START.minus(1, ChronoUnit.DAYS)));
        TimelineEntry late = entry(TEAM, "late", Instant.parse("2026-09-01T00:00:00Z"));
        projection.add(late);

        List<TimelineEntry> rest = reader.read(TEAM, null, null, 200, first.pageInfo().endCursor()).nodes();

        List<TimelineEntry> expected = new ArrayList<>(stored.subList(10, stored.size()));
        expected.add(late);
        assertThat(rest).isEqualTo(expected);
    }

    @Test
    void anUnknownTeam_hasAnEmptyTimeline() {
        Connection<TimelineEntry> page = reader.read("no-such-team", null, null, 50, null);

        assertThat(page.edges()).isEmpty();
        assertThat(page.pageInfo().hasNextPage()).isFalse();
        assertThat(page.pageInfo().hasPreviousPage()).isFalse();
    }

    @Test
    void firstDefaultsTo50() {
        assertThat(reader.read(TEAM, null, null, null, null).nodes()).hasSize(stored.size());
    }

    @Test
    void firstOutside1To200_isABadRequestOnFirst() {
        for (int first : new int[] {0, -1, 201}) {
            assertThatThrownBy(() -> reader.read(TEAM, null, null, first, null))
                    .isInstanceOfSatisfying(RuleViolation.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                        assertThat(e.field()).isEqualTo("first");
                        assertThat(e.getMessage()).isEqualTo("first must be between 1 and 200");
                    });
        }
    }

    @Test
    void aMalformedCursor_isABadRequestOnAfter() {
        String notBase64 = "%%%";
        String noSeparator = java.util.Base64.getUrlEncoder().encodeToString("2026-01-01T00:00:00Z".getBytes());
        String noInstant = java.util.Base64.getUrlEncoder().encodeToString("yesterday|e1".getBytes());
        for (String after : List.of(notBase64, noSeparator, noInstant, "")) {
            assertThatThrownBy(() -> reader.read(TEAM, null, null, 10, after))
                    .isInstanceOfSatisfying(RuleViolation.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                        assertThat(e.field()).isEqualTo("after");
                    });
        }
    }

    @Test
    void fromAfterTo_isABadRequest() {
        assertThatThrownBy(() -> reader.read(TEAM, Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"), 10, null))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.field()).isEqualTo("from");
                    assertThat(e.getMessage()).isEqualTo("from must not be after to");
                });
    }

    @Test
    void cursorsRoundTrip_evenWithSeparatorsInTheId() {
        TimelinePosition position = new TimelinePosition(Instant.parse("2026-01-01T10:00:00.123Z"), "a|b");

        assertThat(TimelineCursor.decode(TimelineCursor.encode(position))).isEqualTo(position);
    }
}
