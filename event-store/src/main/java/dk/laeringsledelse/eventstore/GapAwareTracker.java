package dk.laeringsledelse.eventstore;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Sorts.ascending;
import static dk.laeringsledelse.eventstore.StoredEvents.first;
import static dk.laeringsledelse.eventstore.StoredEvents.last;
import static dk.laeringsledelse.eventstore.StoredEvents.number;

/**
 * Tracking reads in the global order with gap-aware tokens, as Axon's JDBC engine tracks: a position that is
 * reserved but not committed yet is a gap, delivered when its commit appears, dropped when the commit after it was
 * reserved more than the gap timeout ago. Also creates the tokens processors start from.
 */
final class GapAwareTracker {

    private final MongoCollection<Document> events;
    private final Positions positions;
    private final int batchSize;
    private final Duration gapTimeout;
    private final int maxGapOffset;
    private final Clock clock;
    private final RecentCommits recentCommits = new RecentCommits(10_000);

    GapAwareTracker(MongoCollection<Document> events, Positions positions, int batchSize, Duration gapTimeout,
                    int maxGapOffset, Clock clock) {
        this.events = events;
        this.positions = positions;
        this.batchSize = batchSize;
        this.gapTimeout = gapTimeout;
        this.maxGapOffset = maxGapOffset;
        this.clock = clock;
    }

    /**
     * A lazy stream of all events after the token, fetched batch by batch until a fetch finds nothing new. It
     * never blocks (mayBlock is ignored). Its iterator asks the store again each time it is asked for more after
     * the end, as Axon's JDBC engine does: Axon's {@code EmbeddedEventStore} keeps one caught-up stream open per
     * processor when its event-consumption optimisation is off.
     */
    Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken) {
        if (trackingToken != null && !(trackingToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException("Unsupported token " + trackingToken + ", expected a GapAwareTrackingToken");
        }
        GapAwareTrackingToken start = trackingToken == null ? tailToken() : (GapAwareTrackingToken) trackingToken;
        return StreamSupport.stream(new BatchSpliterator(start), false);
    }

    private final class BatchSpliterator extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

        private final Deque<TrackedEventData<?>> batch = new ArrayDeque<>();
        private GapAwareTrackingToken lastToken;

        BatchSpliterator(GapAwareTrackingToken start) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.lastToken = start;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
            if (batch.isEmpty()) { // asked again after the end too: a caught-up stream sees later appends
                batch.addAll(fetchBatch(lastToken));
            }
            TrackedEventData<?> next = batch.poll();
            if (next == null) {
                return false;
            }
            lastToken = (GapAwareTrackingToken) next.trackingToken();
            action.accept(next);
            return true;
        }
    }

    /**
     * The events after the token: the commits in the window of the next batchSize positions plus those of the
     * token's gaps, all by _id (= a commit's last position). A position below the first position of a commit found
     * that no commit found covers is a real gap: its commit would end inside the window. Positions after the last
     * commit found are left alone, as a commit may end beyond the window. When a window holds nothing to deliver
     * (nothing committed yet, or only void commits) the next window is tried, up to the position counter.
     */
    private List<TrackedEventData<?>> fetchBatch(GapAwareTrackingToken token) {
        // nothing can lie beyond the reserved head: a tracker at the head asks for its few new positions, not for
        // a whole window of positions that are not reserved yet
        long head = positions.head();
        long windowEnd = Math.min(token.getIndex() + batchSize, head);
        Set<Long> ids = new TreeSet<>(token.getGaps());
        LongStream.rangeClosed(token.getIndex() + 1, windowEnd).forEach(ids::add);
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        List<Document> commits = commitsById(ids);
        GapAwareTrackingToken running = withoutExpiredGaps(token, commits);
        List<TrackedEventData<?>> batch = new ArrayList<>();
        while (true) {
            for (Document commit : commits) {
                running = deliver(commit, running, batch);
            }
            if (!batch.isEmpty()) {
                return batch;
            }
            if (windowEnd >= head) {
                return batch;
            }
            long nextEnd = Math.min(windowEnd + batchSize, head);
            List<Long> nextWindow = LongStream.rangeClosed(windowEnd + 1, nextEnd).boxed().toList();
            windowEnd = nextEnd;
            commits = commitsById(nextWindow);
        }
    }

    /** The commits with these ids (and those covering them, if read recently), in position order. */
    private List<Document> commitsById(Iterable<Long> ids) {
        Map<Long, Document> byLast = new TreeMap<>();
        List<Long> unknown = new ArrayList<>();
        for (long id : ids) {
            Document known = recentCommits.covering(id);
            if (known == null) {
                unknown.add(id);
            } else {
                byLast.put(last(known), known);
            }
        }
        if (!unknown.isEmpty()) {
            for (Document commit : events.find(in("_id", unknown))) {
                recentCommits.remember(commit, first(commit), last(commit));
                byLast.put(last(commit), commit);
            }
        }
        return new ArrayList<>(byLast.values());
    }

    /** Advances the token over the commit's positions, adding each event not seen yet to the batch. */
    private GapAwareTrackingToken deliver(Document commit, GapAwareTrackingToken token,
                                          List<TrackedEventData<?>> batch) {
        List<Document> commitEvents = StoredEvents.events(commit);
        if (commitEvents.isEmpty()) { // a void commit: nothing to deliver, but its positions are no gaps
            for (long position = first(commit); position <= last(commit); position++) {
                if (isNew(position, token)) {
                    token = token.advanceTo(position, maxGapOffset);
                }
            }
            return token;
        }
        for (Document event : commitEvents) {
            long position = number(event, "position");
            if (isNew(position, token)) {
                token = token.advanceTo(position, maxGapOffset);
                batch.add(trackedEventData(event, token));
            }
        }
        return token;
    }

    private static boolean isNew(long position, GapAwareTrackingToken token) {
        return position > token.getIndex() || token.getGaps().contains(position);
    }

    /**
     * Drops the gaps whose writer has surely crashed: those below a commit reserved more than gapTimeout ago.
     * Positions are reserved in increasing order and a writer inserts right after reserving, so a gap below a
     * commit reserved long ago had all that time to be committed. Only gaps still open after this fetch are
     * checked, through the commits that start right after them (unique index on first).
     */
    private GapAwareTrackingToken withoutExpiredGaps(GapAwareTrackingToken token, List<Document> fetched) {
        Set<Long> open = new HashSet<>(token.getGaps());
        open.removeIf(gap -> fetched.stream().anyMatch(commit -> first(commit) <= gap && gap <= last(commit)));
        if (open.isEmpty()) {
            return token;
        }
        Date deadline = Date.from(clock.instant().minus(gapTimeout));
        long expiredBelow = events.find(in("first", open.stream().map(gap -> gap + 1).toList()))
                                  .projection(include("first", "reservedAt"))
                                  .into(new ArrayList<>()).stream()
                                  .filter(next -> next.getDate("reservedAt").before(deadline))
                                  .mapToLong(StoredEvents::first)
                                  .max().orElse(-1);
        if (expiredBelow < 0) {
            return token;
        }
        Predicate<Long> expired = gap -> open.contains(gap) && gap < expiredBelow;
        List<Long> gaps = token.getGaps().stream().filter(expired.negate()).toList();
        return new GapAwareTrackingToken(token.getIndex(), gaps);
    }

    /**
     * An event appended without an aggregate (stored as the only event of its own stream: aggregate id = its event
     * id, no aggregate type) comes back as a plain event, without aggregate id, as Axon's JDBC engine returns it.
     */
    private static TrackedEventData<?> trackedEventData(Document event, TrackingToken token) {
        String aggregateId = isWithoutAggregate(event) ? null : event.getString("aggregateId");
        return new TrackedDomainEventData<>(token, StoredEvents.domainEventData(event, aggregateId));
    }

    private static boolean isWithoutAggregate(Document event) {
        return event.get("aggregateType") == null && event.getString("eventId").equals(event.get("aggregateId"));
    }

    // ---------------------------------------------------------------- tokens

    /** Positions start at 1, so index 0 with no gaps lies before every event. */
    static GapAwareTrackingToken tailToken() {
        return GapAwareTrackingToken.newInstance(0, Collections.emptySet());
    }

    /**
     * The highest committed position among the last batchSize reserved ones, with the positions below it in that
     * window that are not committed yet (in-flight writers) as gaps: a commit ending in the window has its _id
     * there, so one _id $in finds them all. Reservations older than the window are taken as committed.
     */
    GapAwareTrackingToken headToken() {
        long head = positions.head();
        long windowStart = Math.max(1, head - batchSize + 1);
        List<Long> window = LongStream.rangeClosed(windowStart, head).boxed().toList();
        List<Document> commits = commitsById(window);
        if (commits.isEmpty()) {
            return GapAwareTrackingToken.newInstance(windowStart - 1, Collections.emptySet());
        }
        long index = last(commits.get(commits.size() - 1));
        Set<Long> gaps = new TreeSet<>(LongStream.range(windowStart, index).boxed().toList());
        commits.forEach(commit -> gaps.removeIf(p -> first(commit) <= p && p <= last(commit)));
        return GapAwareTrackingToken.newInstance(index, gaps);
    }

    /**
     * A token just before the first event (by position) whose timestamp is at or after the given instant, or the
     * head token if there is none. This query scans the collection; it is meant for rare resets only.
     */
    GapAwareTrackingToken tokenAt(Instant dateTime) {
        Date from = Date.from(dateTime.truncatedTo(ChronoUnit.MILLIS));
        Document commit = events.find(gte("events.timestamp", from)).sort(ascending("first")).first();
        if (commit == null) {
            return headToken();
        }
        long position = StoredEvents.events(commit).stream()
                                    .filter(event -> !event.getDate("timestamp").before(from))
                                    .mapToLong(event -> number(event, "position"))
                                    .min().orElseThrow();
        return GapAwareTrackingToken.newInstance(position - 1, Collections.emptySet());
    }
}
