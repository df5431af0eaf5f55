package dk.laeringsledelse.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

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
 * <p>
 * This class is the facade Axon sees; the work is done by {@link CommitWriter} (appending), {@link AggregateReader}
 * and {@link Snapshots} (aggregate reads and snapshots) and {@link GapAwareTracker} (tracking and tokens).
 */
public class MongoEventStorageEngine extends AbstractEventStorageEngine {

    public static final String EVENTS = "events";
    public static final String SNAPSHOTS = "snapshots";
    public static final String SEQUENCES = "sequences";
    /** {@code _id} of the global position counter in {@value #SEQUENCES}. */
    public static final String EVENTS_COUNTER = "events";
    /** Prefix of the {@code aggregateId} of a void commit (positions of a failed insert, no events). */
    public static final String VOID_PREFIX = "#void:";

    private final MongoCollection<Document> events;
    private final Positions positions;
    private final CommitWriter writer;
    private final AggregateReader aggregates;
    private final Snapshots snapshots;
    private final GapAwareTracker tracker;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(EVENTS);
        this.positions = new Positions(builder.database.getCollection(SEQUENCES));
        LastHashes lastHashes = new LastHashes(10_000);
        this.aggregates = new AggregateReader(events, lastHashes);
        this.writer = new CommitWriter(events, positions, aggregates, lastHashes, builder.clock,
                                       this::handlePersistenceException);
        this.snapshots = new Snapshots(builder.database.getCollection(SNAPSHOTS));
        this.tracker = new GapAwareTracker(events, positions, builder.batchSize, builder.gapTimeout,
                                           builder.maxGapOffset, builder.clock);
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
        positions.ensureCounter();
    }

    /** The highest reserved global position (0 when nothing was ever appended). */
    public long headPosition() {
        return positions.head();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        writer.append(messages, serializer);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String aggregateId, long firstSequenceNumber) {
        return aggregates.readEventData(aggregateId, firstSequenceNumber);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateId) {
        return aggregates.lastSequenceNumberFor(aggregateId);
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        snapshots.store(snapshot, serializer);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateId) {
        return snapshots.read(aggregateId);
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        return tracker.readEventData(trackingToken);
    }

    /** Positions start at 1, so index 0 with no gaps lies before every event. */
    @Override
    public TrackingToken createTailToken() {
        return GapAwareTracker.tailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return tracker.headToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return tracker.tokenAt(dateTime);
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
