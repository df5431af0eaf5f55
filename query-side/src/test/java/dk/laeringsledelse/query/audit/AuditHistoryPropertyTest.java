package dk.laeringsledelse.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.testsupport.CommandRecorder;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import dk.laeringsledelse.query.audit.AuditTestEvents.Write;
import dk.laeringsledelse.query.support.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Random histories (late events filed under an earlier month, gaps in positions, events of no team), stored in
 * random batches and paged through with every scope, filter and page size: the pages hold exactly what a brute-force
 * filter of the events gives, in history order (month, then position), each once. The same holds, as far as written,
 * after a crash at any write of a batch, and re-delivering the batch repairs what the crash left.
 */
class AuditHistoryPropertyTest {

    private static final Instant JANUARY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Comparator<Event> HISTORY_ORDER = Comparator.comparing(Event::month)
            .thenComparingLong(Event::position);

    private static final List<AuditScope> SCOPES = List.of(
            AuditScope.auditorOf("m1"), AuditScope.auditorOf("m2"),
            new AuditScope(Set.of(), Set.of("i1"), Set.of("t3")),
            new AuditScope(Set.of("m2"), Set.of("i2"), Set.of("t1", "t2")),
            new AuditScope(Set.of(), Set.of(), Set.of("t1", "t4")));

    private record Event(long position, Instant at, String team, String institution, String municipality,
                         String actor) {

        AuditDocuments.Ref ref() {
            return new AuditDocuments.Ref(position, at, "Noted", team == null ? null : "a-" + team, team,
                    institution, municipality, actor);
        }

        String month() {
            return AuditDocuments.monthOf(at);
        }

        TrackedEventMessage<?> message() {
            return AuditTestEvents.noted(position, at, team, institution, municipality, actor);
        }
    }

    @Test
    void everyPageSequenceHoldsWhatABruteForceFilterGives_inHistoryOrder_eachOnce() {
        for (int seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            List<Event> events = history(random, 700 + random.nextInt(500), 2 + random.nextInt(3));
            MongoDatabase db = TestMongo.freshDatabase();
            deliverInRandomBatches(db, events, random);
            AuditHistoryReader reader = new AuditHistoryReader(db);
            for (AuditScope scope : SCOPES) {
                for (EventHistoryFilter filter : filters(random)) {
                    for (int pageSize : new int[] {7, 50}) {
                        assertThat(readAll(reader, scope, filter, pageSize))
                                .as("seed %d, %s, %s, pages of %d", seed, scope, filter, pageSize)
                                .containsExactlyElementsOf(matching(events, scope, filter));
                    }
                }
            }
        }
    }

    /**
     * A crash after any prefix of a batch's writes: pages stay in order without repeats, show nothing the batch did
     * not write, and everything earlier in history order than the batch's first event; re-delivering the batch
     * leaves what a run without the crash leaves.
     */
    @Test
    void aCrashAtAnyWriteOfABatchReadsConsistently_andRedeliveryRepairsIt() {
        for (int seed = 100; seed < 103; seed++) {
            Random random = new Random(seed);
            List<Event> events = history(random, 900 + random.nextInt(400), 2 + random.nextInt(2));
            int split = events.size() / 2 + random.nextInt(events.size() / 3);
            int batch = 1 + random.nextInt(Math.min(200, events.size() - split));
            List<Event> before = events.subList(0, split);
            List<Event> after = events.subList(0, split + batch);
            List<TrackedEventMessage<?>> batchMessages = messages(events.subList(split, split + batch));

            CommandRecorder recorder = new CommandRecorder();
            MongoDatabase clean = TestMongo.freshDatabase(recorder);
            deliverInRandomBatches(clean, before, random);
            Map<String, List<Document>> stored = AuditTestEvents.everything(clean);
            recorder.start();
            AuditTestEvents.deliver(clean, batchMessages, batch);
            recorder.stop();
            Map<String, List<Document>> cleanRun = AuditTestEvents.everything(clean);
            List<Write> writes = AuditTestEvents.writes(recorder);

            Set<Integer> crashes = new TreeSet<>();
            for (int i = 0; i < 8; i++) {
                crashes.add(random.nextInt(writes.size() + 1));
            }
            for (int crashedAfter : crashes) {
                MongoDatabase crashed = AuditTestEvents.crashedAfter(stored, writes, crashedAfter);
                AuditHistoryReader reader = new AuditHistoryReader(crashed);
                for (AuditScope scope : SCOPES) {
                    for (EventHistoryFilter filter : filters(random)) {
                        String what = "seed " + seed + ", crash after " + crashedAfter + " of " + writes.size()
                                + " writes, " + scope + ", " + filter;
                        List<Long> read = readAll(reader, scope, filter, 13);
                        List<Long> written = matching(after, scope, filter);
                        assertThat(written).as(what).containsAll(read);
                        assertThat(read).as(what).isSortedAccordingTo(Comparator.comparingInt(written::indexOf))
                                .doesNotHaveDuplicates();
                        Event firstOfBatch = events.subList(split, split + batch).stream()
                                .filter(e -> scope.sees(e.ref()) && filter.matches(e.ref()))
                                .min(HISTORY_ORDER).orElse(null);
                        assertThat(read).as(what).containsAll(before.stream()
                                .filter(e -> scope.sees(e.ref()) && filter.matches(e.ref()))
                                .filter(e -> firstOfBatch == null || HISTORY_ORDER.compare(e, firstOfBatch) < 0)
                                .map(Event::position).toList());
                    }
                }

                AuditTestEvents.deliver(crashed, batchMessages, batch);
                assertThat(AuditTestEvents.everything(crashed)).as("seed %d, crash after %d", seed, crashedAfter)
                        .isEqualTo(cleanRun);
            }
        }
    }

    /**
     * {@code n} events over {@code months} months in position order, some a month late, some with gaps in positions,
     * some of an institution or municipality only; four teams in two institutions, three actors.
     */
    private static List<Event> history(Random random, int n, int months) {
        List<Event> events = new ArrayList<>();
        long position = 0;
        for (int i = 0; i < n; i++) {
            position += 1 + (random.nextInt(10) == 0 ? random.nextInt(3) : 0);
            int month = (int) ((long) i * months / n);
            if (month > 0 && random.nextInt(20) == 0) {
                month--; // its writer's clock was behind
            }
            if (random.nextInt(40) == 0) {
                month = random.nextInt(months);
            }
            Instant at = JANUARY.atZone(ZoneOffset.UTC).plusMonths(month).toInstant()
                    .plus(random.nextInt(27), ChronoUnit.DAYS).plusSeconds(i);
            String team = random.nextInt(10) == 0 ? null : "t" + (1 + random.nextInt(4));
            String institution = team == null ? (random.nextBoolean() ? "i" + (1 + random.nextInt(2)) : null)
                    : team.equals("t1") || team.equals("t2") ? "i1" : "i2";
            String municipality = institution == null || random.nextInt(8) == 0 ? "m2" : "m1";
            events.add(new Event(position, at, team, institution, municipality, "p" + (1 + random.nextInt(3))));
        }
        return events;
    }

    private static List<EventHistoryFilter> filters(Random random) {
        Instant from = JANUARY.plus(random.nextInt(100), ChronoUnit.DAYS);
        Instant to = from.plus(1 + random.nextInt(60), ChronoUnit.DAYS);
        return List.of(EventHistoryFilter.NONE,
                new EventHistoryFilter(null, null, null, null, "p1", null, null, null),
                new EventHistoryFilter(null, "t1", null, null, "p2", null, null, null),
                new EventHistoryFilter(null, null, "i2", null, null, null, from, to),
                new EventHistoryFilter(null, null, null, null, null, null, from, null),
                new EventHistoryFilter(null, null, null, null, null, "Noted", null, to));
    }

    private static List<Long> matching(List<Event> events, AuditScope scope, EventHistoryFilter filter) {
        return events.stream().filter(e -> scope.sees(e.ref()) && filter.matches(e.ref())).sorted(HISTORY_ORDER)
                .map(Event::position).toList();
    }

    private static List<Long> readAll(AuditHistoryReader reader, AuditScope scope, EventHistoryFilter filter,
                                      int pageSize) {
        List<Long> positions = new ArrayList<>();
        String after = null;
        Connection<AuditEvent> page;
        do {
            page = reader.read(filter, scope, pageSize, after);
            page.nodes().forEach(event -> positions.add(event.position()));
            after = page.pageInfo().endCursor();
            assertThat(after != null || !page.pageInfo().hasNextPage()).as("a next page needs a cursor").isTrue();
        } while (page.pageInfo().hasNextPage());
        return positions;
    }

    private static void deliverInRandomBatches(MongoDatabase db, List<Event> events, Random random) {
        List<TrackedEventMessage<?>> messages = messages(events);
        for (int from = 0; from < messages.size(); ) {
            int to = Math.min(messages.size(), from + 1 + random.nextInt(150));
            AuditTestEvents.deliver(db, messages.subList(from, to), to - from);
            from = to;
        }
    }

    private static List<TrackedEventMessage<?>> messages(List<Event> events) {
        return events.stream().<TrackedEventMessage<?>>map(Event::message).toList();
    }
}
