package dk.laeringsledelse.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Updates.inc;

/**
 * Axon {@link org.axonframework.eventsourcing.eventstore.EventStorageEngine} on MongoDB with a global event
 * sequence and gap-aware tracking (like Axon's JDBC engine), atomic commits, a per-aggregate hash chain
 * ({@link EventHash}) and one latest snapshot per aggregate.
 * <p>
 * Storage: one document per commit (the events of one aggregate stream in one {@code appendEvents} call) in
 * {@value #EVENTS}, with {@code _id} = global position of its last event and {@code first} = that of its first.
 * A single-document insert is atomic on every MongoDB, so a commit is visible all-or-none; when one call carries
 * events of several aggregates, atomicity is per aggregate stream. Positions are reserved from the counter
 * document in {@value #SEQUENCES} before the insert; a failed insert fills its positions with a void commit.
 * <p>
 * Every query on the hot paths (append, aggregate load, tracking fetch) is an {@code _id}/{@code first}
 * {@code $in} or an exact match on a unique compound index, so its cost does not grow with the store. On real
 * MongoDB each is answered by an index (expected plan {@code IXSCAN} → {@code FETCH}, never {@code COLLSCAN}):
 * tracking fetch by {@code _id_}; gap-timeout look-ups by {@code first_1}; aggregate load and the previous-hash
 * look-up by {@code aggregateId_1_firstSeq_1} and {@code aggregateId_1_lastSeq_1}. The embedded server uses exactly
 * these shapes and no others ({@code QueryShapeTest}). Only {@code createTokenAt} scans; it serves rare resets.
 * <p>
 * It keeps Axon's contract for an {@code EventStorageEngine}: an event appended without an aggregate is stored as
 * the only event of its own stream (aggregate id = its event id, no aggregate type, sequence number 0, as Axon's
 * JDBC engine stores it), so it has its place in the global order and the hash chain and seals cover it, and the
 * tracking stream returns it as a plain event. A second event with a stored event id is a conflict: the commit
 * lists its events' ids in {@code eventIds}, under a unique sparse index (a void commit has none; an index on
 * {@code events.eventId} would index every void commit's empty array as one key on MongoDB); a repeat within one
 * append is found before anything is stored. A conflict is an {@code AggregateStreamCreationException} for an
 * aggregate's first event, else a {@code ConcurrencyException}, also when an append's sequence numbers clash
 * with a stored commit.
 * <p>
 * One rule deliberately differs from Axon's engines: every aggregate stream starts at sequence number 0 and has no
 * gaps, since each event's hash chains to the one before it. An append that would start a stream elsewhere or leave
 * a gap is refused with an {@code EventStoreException} (not a conflict: retrying it cannot help).
 */
public class MongoEventStorageEngine extends AbstractEventStorageEngine {

    public static final String EVENTS = "events";
    public static final String SNAPSHOTS = "snapshots";
    public static final String SEQUENCES = "sequences";
    /** {@code _id} of the global position counter in {@value #SEQUENCES}. */
    public static final String EVENTS_COUNTER = "events";

    private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);
    /** Prefix of the {@code aggregateId} of a void commit (positions of a failed insert, no events). */
    public static final String VOID_PREFIX = "#void:";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> sequences;
    private final int batchSize;
    private final Duration gapTimeout;
    private final int maxGapOffset;
    private final Clock clock;
    private final LastHashes lastHashes = new LastHashes(10_000);
    private final RecentCommits recentCommits = new RecentCommits(10_000);

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(EVENTS);
        this.snapshots = builder.database.getCollection(SNAPSHOTS);
        this.sequences = builder.database.getCollection(SEQUENCES);
        this.batchSize = builder.batchSize;
        this.gapTimeout = builder.gapTimeout;
        this.maxGapOffset = builder.maxGapOffset;
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the unique indexes and the position counter if missing; idempotent. {@link Builder#build()} calls it,
     * so callers need not.
     */
    public void ensureIndexes() {
        IndexOptions unique = new IndexOptions().unique(true);
        events.createIndex(Indexes.ascending("aggregateId", "firstSeq"), unique);
        events.createIndex(Indexes.ascending("aggregateId", "lastSeq"), unique);
        // positions are reserved in disjoint blocks, so `first` is unique too; it finds the commit after a gap
        events.createIndex(Indexes.ascending("first"), unique);
        // a commit lists its events' ids; sparse, as a void commit lists none
        events.createIndex(Indexes.ascending("eventIds"), new IndexOptions().unique(true).sparse(true));
        try {
            // created once here so that the $inc of concurrent appends never has to upsert
            sequences.insertOne(new Document("_id", EVENTS_COUNTER).append("value", 0L));
        } catch (MongoException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    /** The highest reserved global position (0 when nothing was ever appended). */
    public long headPosition() {
        Document counter = sequences.find(eq("_id", EVENTS_COUNTER)).first();
        if (counter == null) {
            throw new IllegalStateException("no event position counter; call ensureIndexes()");
        }
        return counter.get("value", Number.class).longValue();
    }

    // ---------------------------------------------------------------- append

    private record PendingCommit(EventMessage<?> firstMessage, String aggregateId, String aggregateType,
                                 long firstSeq, long lastSeq, List<Document> events) {
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        // everything that can fail for reasons of the caller fails here, before any position is reserved
        List<PendingCommit> commits = prepareCommits(messages, serializer);
        long next = reserve(messages.size()) + 1;
        long lastReserved = next + messages.size() - 1;
        Date reservedAt = Date.from(clock.instant());
        for (PendingCommit commit : commits) {
            long first = next;
            next += commit.events().size();
            try {
                events.insertOne(commitDocument(commit, first, reservedAt));
                rememberLast(commit.aggregateId(), commit.events());
            } catch (MongoException e) {
                insertVoid(first, lastReserved, reservedAt);
                handlePersistenceException(e, commit.firstMessage());
                return; // not reached: handlePersistenceException always throws
            }
        }
    }

    private List<PendingCommit> prepareCommits(List<? extends EventMessage<?>> messages, Serializer serializer) {
        Map<String, List<EventMessage<?>>> streams = new LinkedHashMap<>();
        Set<String> identifiers = new HashSet<>();
        for (EventMessage<?> message : messages) {
            if (!identifiers.add(message.getIdentifier())) {
                throw conflict(message, "Event " + message.getIdentifier() + " occurs twice in one append");
            }
            String streamId = message instanceof DomainEventMessage<?> domain
                    ? domain.getAggregateIdentifier() : message.getIdentifier();
            streams.computeIfAbsent(streamId, id -> new ArrayList<>()).add(message);
        }
        List<PendingCommit> commits = new ArrayList<>();
        streams.forEach((aggregateId, stream) -> commits.add(prepareCommit(aggregateId, stream, serializer)));
        return commits;
    }

    private PendingCommit prepareCommit(String aggregateId, List<EventMessage<?>> stream, Serializer serializer) {
        EventMessage<?> firstMessage = stream.get(0);
        String aggregateType = firstMessage instanceof DomainEventMessage<?> domain ? domain.getType() : null;
        long firstSeq = sequenceNumber(firstMessage);
        String prevHash = firstSeq == 0 ? null : lastHashes.hashOf(aggregateId, firstSeq - 1);
        if (firstSeq > 0 && prevHash == null) {
            prevHash = previousHash(aggregateId, firstSeq);
        }
        List<Document> eventDocuments = new ArrayList<>();
        for (int i = 0; i < stream.size(); i++) {
            EventMessage<?> message = stream.get(i);
            long seq = sequenceNumber(message);
            if (seq >= firstSeq && seq < firstSeq + i) {
                throw conflict(message, "Event " + seq + " of aggregate " + aggregateId + " occurs twice in one append");
            }
            if (seq != firstSeq + i) {
                throw new EventStoreException("Events of aggregate " + aggregateId
                        + " must have contiguous sequence numbers, got " + sequenceNumber(message)
                        + " where " + (firstSeq + i) + " was expected");
            }
            Document event = eventDocument(message, aggregateId, aggregateType, prevHash, serializer);
            prevHash = event.getString("hash");
            eventDocuments.add(event);
        }
        return new PendingCommit(firstMessage, aggregateId, aggregateType, firstSeq,
                                 firstSeq + stream.size() - 1, eventDocuments);
    }

    /** A clash with what is stored or appended alongside, answered as Axon's engines answer a duplicate key. */
    private static RuntimeException conflict(EventMessage<?> message, String description) {
        return message instanceof DomainEventMessage<?> domain && domain.getSequenceNumber() == 0
                ? new AggregateStreamCreationException(description)
                : new ConcurrencyException(description);
    }

    private static long sequenceNumber(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
    }

    private String previousHash(String aggregateId, long firstSeq) {
        Document previous = events.find(uniqueKey(aggregateId, "lastSeq", firstSeq - 1))
                                  .projection(include("events.hash"))
                                  .first();
        if (previous == null) {
            // commits tile an aggregate's sequence, so no commit ends right before: a writer behind a later commit
            // (a conflict), or one that would leave a gap (refused: a stream has none)
            long last = lastSequenceNumberFor(aggregateId).orElse(-1L);
            if (last >= firstSeq) {
                throw new ConcurrencyException("Event " + firstSeq + " of aggregate " + aggregateId
                                                       + " is already stored");
            }
            throw new EventStoreException("Cannot append event " + firstSeq + " of aggregate " + aggregateId
                                                  + ": its stream must continue without gaps after event " + last);
        }
        List<Document> previousEvents = previous.getList("events", Document.class);
        return previousEvents.get(previousEvents.size() - 1).getString("hash");
    }

    private static Document eventDocument(EventMessage<?> message, String aggregateId, String aggregateType,
                                          String prevHash, Serializer serializer) {
        SerializedObject<String> payload = serializer.serialize(message.getPayload(), String.class);
        SerializedObject<String> metaData = serializer.serialize(message.getMetaData(), String.class);
        Document event = new Document("eventId", message.getIdentifier())
                .append("aggregateType", aggregateType)
                .append("aggregateId", aggregateId)
                .append("seq", sequenceNumber(message))
                // millisecond precision, as BSON stores it, so that the hash recomputes from the stored value
                .append("timestamp", new Date(message.getTimestamp().toEpochMilli()))
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", toBson(payload.getData()))
                .append("metaData", toBson(metaData.getData()))
                .append("prevHash", prevHash);
        return event.append("hash", EventHash.of(event));
    }

    /** Reserves n global positions; returns the value before, so this call owns before+1 .. before+n. */
    private long reserve(int n) {
        // ReturnDocument.BEFORE: the embedded test server can return duplicate AFTER values under concurrency
        Document before = sequences.findOneAndUpdate(
                eq("_id", EVENTS_COUNTER), inc("value", (long) n),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            throw new IllegalStateException("no event position counter; call ensureIndexes()");
        }
        return before.get("value", Number.class).longValue();
    }

    private static Document commitDocument(PendingCommit commit, long first, Date reservedAt) {
        long position = first;
        for (Document event : commit.events()) {
            event.put("position", position++);
        }
        return new Document("_id", position - 1)
                .append("first", first)
                .append("aggregateId", commit.aggregateId())
                .append("aggregateType", commit.aggregateType())
                .append("firstSeq", commit.firstSeq())
                .append("lastSeq", commit.lastSeq())
                .append("reservedAt", reservedAt)
                .append("eventIds", commit.events().stream().map(event -> event.getString("eventId")).toList())
                .append("events", commit.events());
    }

    /** Fills positions whose commit failed, so that tracking processors do not wait for them as a gap. */
    private void insertVoid(long first, long last, Date reservedAt) {
        try {
            events.insertOne(new Document("_id", last)
                                     .append("first", first)
                                     .append("aggregateId", VOID_PREFIX + last)
                                     .append("aggregateType", null)
                                     .append("firstSeq", 0L)
                                     .append("lastSeq", 0L)
                                     .append("reservedAt", reservedAt)
                                     .append("events", List.of()));
        } catch (MongoException e) {
            log.warn("Could not void positions {}..{}; trackers will see them as a gap until the gap timeout",
                     first, last, e);
        }
    }

    // ---------------------------------------------------------------- aggregate reads

    private void rememberLast(String aggregateId, List<Document> commitEvents) {
        if (!commitEvents.isEmpty()) {
            Document last = commitEvents.get(commitEvents.size() - 1);
            lastHashes.remember(aggregateId, last.get("seq", Number.class).longValue(), last.getString("hash"));
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String aggregateId, long firstSequenceNumber) {
        List<Document> commits = commitsFrom(aggregateId, firstSequenceNumber, null);
        if (!commits.isEmpty()) {
            rememberLast(aggregateId, commits.get(commits.size() - 1).getList("events", Document.class));
        }
        return commits.stream()
                .flatMap(commit -> commit.getList("events", Document.class).stream())
                .filter(event -> event.get("seq", Number.class).longValue() >= firstSequenceNumber)
                .map(MongoEventStorageEngine::domainEventData);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateId) {
        List<Document> commits = commitsFrom(aggregateId, 0, include("lastSeq"));
        return commits.isEmpty() ? Optional.empty()
                : Optional.of(commits.get(commits.size() - 1).get("lastSeq", Number.class).longValue());
    }

    /**
     * The aggregate's commits from the one holding sequence number n on, found by following the chain of exact
     * lookups on the unique index (aggregateId, firstSeq): each commit starts right after the previous one.
     */
    private List<Document> commitsFrom(String aggregateId, long n, Bson projection) {
        Document commit = commitStartingAt(aggregateId, n, projection);
        if (commit == null && n > 0) {
            commit = commitStartingAt(aggregateId, 0, projection); // n lies inside a commit: walk from the start
        }
        List<Document> commits = new ArrayList<>();
        while (commit != null) {
            commits.add(commit);
            commit = commitStartingAt(aggregateId, commit.get("lastSeq", Number.class).longValue() + 1, projection);
        }
        return commits;
    }

    private Document commitStartingAt(String aggregateId, long firstSeq, Bson projection) {
        return events.find(uniqueKey(aggregateId, "firstSeq", firstSeq))
                     .projection(projection)
                     .first();
    }

    /**
     * An exact match on a unique compound index, written as a plain filter document: Filters.and would render
     * {@code $and}, which the embedded server does not answer from the index.
     */
    private static Bson uniqueKey(String aggregateId, String sequenceField, long value) {
        return new Document("aggregateId", aggregateId).append(sequenceField, value);
    }

    // ---------------------------------------------------------------- tracking reads

    /**
     * A lazy stream of all events after the token, fetched batch by batch until a fetch finds nothing new. It
     * never blocks (mayBlock is ignored). Its iterator asks the store again each time it is asked for more after
     * the end, as Axon's JDBC engine does: Axon's {@code EmbeddedEventStore} keeps one caught-up stream open per
     * processor when its event-consumption optimisation is off.
     */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
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
    List<TrackedEventData<?>> fetchBatch(GapAwareTrackingToken token) {
        // nothing can lie beyond the reserved head: a tracker at the head asks for its few new positions, not for
        // a whole window of positions that are not reserved yet
        long head = headPosition();
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
        Map<Long, Document> byLast = new java.util.TreeMap<>();
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
        List<Document> commitEvents = commit.getList("events", Document.class);
        if (commitEvents.isEmpty()) { // a void commit: nothing to deliver, but its positions are no gaps
            for (long position = first(commit); position <= last(commit); position++) {
                if (isNew(position, token)) {
                    token = token.advanceTo(position, maxGapOffset);
                }
            }
            return token;
        }
        for (Document event : commitEvents) {
            long position = event.get("position", Number.class).longValue();
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
                                  .mapToLong(MongoEventStorageEngine::first)
                                  .max().orElse(-1);
        if (expiredBelow < 0) {
            return token;
        }
        Predicate<Long> expired = gap -> open.contains(gap) && gap < expiredBelow;
        List<Long> gaps = token.getGaps().stream().filter(expired.negate()).toList();
        return new GapAwareTrackingToken(token.getIndex(), gaps);
    }

    private static long first(Document commit) {
        return commit.get("first", Number.class).longValue();
    }

    private static long last(Document commit) {
        return commit.get("_id", Number.class).longValue();
    }

    // ---------------------------------------------------------------- tokens

    /** Positions start at 1, so index 0 with no gaps lies before every event. */
    @Override
    public TrackingToken createTailToken() {
        return tailToken();
    }

    private static GapAwareTrackingToken tailToken() {
        return GapAwareTrackingToken.newInstance(0, Collections.emptySet());
    }

    /**
     * The highest committed position among the last batchSize reserved ones, with the positions below it in that
     * window that are not committed yet (in-flight writers) as gaps: a commit ending in the window has its _id
     * there, so one _id $in finds them all. Reservations older than the window are taken as committed.
     */
    @Override
    public TrackingToken createHeadToken() {
        long head = headPosition();
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
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Date from = Date.from(dateTime.truncatedTo(ChronoUnit.MILLIS));
        Document commit = events.find(gte("events.timestamp", from)).sort(ascending("first")).first();
        if (commit == null) {
            return createHeadToken();
        }
        long position = commit.getList("events", Document.class).stream()
                              .filter(event -> !event.getDate("timestamp").before(from))
                              .mapToLong(event -> event.get("position", Number.class).longValue())
                              .min().orElseThrow();
        return GapAwareTrackingToken.newInstance(position - 1, Collections.emptySet());
    }

    // ---------------------------------------------------------------- snapshots

    /** Keeps only the latest snapshot of each aggregate (_id = aggregate id); an older one never replaces it. */
    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document existing = snapshots.find(eq("_id", snapshot.getAggregateIdentifier()))
                                     .projection(include("seq")).first();
        if (existing != null && existing.get("seq", Number.class).longValue() >= snapshot.getSequenceNumber()) {
            return;
        }
        SerializedObject<String> payload = serializer.serialize(snapshot.getPayload(), String.class);
        SerializedObject<String> metaData = serializer.serialize(snapshot.getMetaData(), String.class);
        Document document = new Document("_id", snapshot.getAggregateIdentifier())
                .append("eventId", snapshot.getIdentifier())
                .append("aggregateType", snapshot.getType())
                .append("aggregateId", snapshot.getAggregateIdentifier())
                .append("seq", snapshot.getSequenceNumber())
                .append("timestamp", new Date(snapshot.getTimestamp().toEpochMilli()))
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", toBson(payload.getData()))
                .append("metaData", toBson(metaData.getData()));
        // a race between two snapshotters may keep the older one: harmless, every snapshot is valid
        snapshots.replaceOne(eq("_id", snapshot.getAggregateIdentifier()), document,
                             new ReplaceOptions().upsert(true));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateId) {
        Document snapshot = snapshots.find(eq("_id", aggregateId)).first();
        return snapshot == null ? Stream.empty() : Stream.of(domainEventData(snapshot));
    }

    // ---------------------------------------------------------------- conversions

    /** Any JSON value (object, array, scalar) as the BSON value the driver stores. */
    private static Object toBson(String json) {
        return Document.parse("{\"v\":" + json + "}").get("v");
    }

    /**
     * Stored events as domain event data (an aggregate's load also returns an event without aggregate this way, as
     * Axon's JDBC engine does). Payload and metadata are handed to the serializer as the same canonical JSON that is
     * hashed.
     */
    private static DomainEventData<String> domainEventData(Document event) {
        return domainEventData(event, event.getString("aggregateId"));
    }

    private static DomainEventData<String> domainEventData(Document event, String aggregateId) {
        return new GenericDomainEventEntry<>(event.getString("aggregateType"), aggregateId,
                                             event.get("seq", Number.class).longValue(),
                                             event.getString("eventId"), event.getDate("timestamp").toInstant(),
                                             event.getString("payloadType"), event.getString("payloadRevision"),
                                             EventHash.canonicalJson(event.get("payload")),
                                             EventHash.canonicalJson(event.get("metaData")));
    }

    /**
     * An event appended without an aggregate (stored as the only event of its own stream: aggregate id = its event
     * id, no aggregate type) comes back as a plain event, without aggregate id, as Axon's JDBC engine returns it.
     */
    private static TrackedEventData<?> trackedEventData(Document event, TrackingToken token) {
        String aggregateId = isWithoutAggregate(event) ? null : event.getString("aggregateId");
        return new TrackedDomainEventData<>(token, domainEventData(event, aggregateId));
    }

    private static boolean isWithoutAggregate(Document event) {
        return event.get("aggregateType") == null && event.getString("eventId").equals(event.get("aggregateId"));
    }

    static boolean isDuplicateKey(Exception e) {
        return e instanceof MongoException mongo
                && ErrorCategory.fromErrorCode(mongo.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }

    // ---------------------------------------------------------------- builder

    /** Builder; {@link #build()} also runs {@link #ensureIndexes()}. */
    public static class Builder extends AbstractEventStorageEngine.Builder {

        private MongoDatabase database;
        private int batchSize = 100;
        private Duration gapTimeout = Duration.ofSeconds(60);
        private int maxGapOffset = 10_000;
        private Clock clock = Clock.systemUTC();

        Builder() {
            persistenceExceptionResolver(MongoEventStorageEngine::isDuplicateKey);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** How long a gap is waited for, counted from the reservation of a later commit. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder maxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        /** The clock that stamps reservations and judges the gap timeout. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotFilter(Predicate<? super DomainEventData<?>> snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("The MongoDatabase is a hard requirement");
            }
            if (batchSize < 1 || maxGapOffset < 1 || gapTimeout == null || gapTimeout.isNegative() || clock == null) {
                throw new AxonConfigurationException("batchSize and maxGapOffset must be positive, "
                                                             + "gapTimeout and clock given");
            }
        }

        public MongoEventStorageEngine build() {
            MongoEventStorageEngine engine = new MongoEventStorageEngine(this);
            engine.ensureIndexes();
            return engine;
        }
    }
}
