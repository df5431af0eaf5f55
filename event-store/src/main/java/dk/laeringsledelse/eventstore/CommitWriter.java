package dk.laeringsledelse.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import static com.mongodb.client.model.Projections.include;
import static dk.laeringsledelse.eventstore.MongoEventStorageEngine.VOID_PREFIX;
import static dk.laeringsledelse.eventstore.StoredEvents.toBson;
import static dk.laeringsledelse.eventstore.StoredEvents.uniqueKey;

/**
 * Appends: one commit document per aggregate stream of an append, each event hashed onto the one before it, at
 * global positions reserved for the whole append. Everything that can fail for reasons of the caller (serialization,
 * a repeated event id or sequence number, a gap) fails before a position is reserved; a failed insert fills its
 * positions with a void commit.
 */
final class CommitWriter {

    private static final Logger log = LoggerFactory.getLogger(CommitWriter.class);

    private record PendingCommit(EventMessage<?> firstMessage, String aggregateId, String aggregateType,
                                 long firstSeq, long lastSeq, List<Document> events) {
    }

    private final MongoCollection<Document> events;
    private final Positions positions;
    private final AggregateReader aggregates;
    private final LastHashes lastHashes;
    private final Clock clock;
    /** Translates a failed insert into Axon's exception (duplicate key: a conflict); always throws. */
    private final BiConsumer<Exception, EventMessage<?>> persistenceFailure;

    CommitWriter(MongoCollection<Document> events, Positions positions, AggregateReader aggregates,
                 LastHashes lastHashes, Clock clock, BiConsumer<Exception, EventMessage<?>> persistenceFailure) {
        this.events = events;
        this.positions = positions;
        this.aggregates = aggregates;
        this.lastHashes = lastHashes;
        this.clock = clock;
        this.persistenceFailure = persistenceFailure;
    }

    void append(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        List<PendingCommit> commits = prepareCommits(messages, serializer);
        long next = positions.reserve(messages.size()) + 1;
        long lastReserved = next + messages.size() - 1;
        Date reservedAt = Date.from(clock.instant());
        for (PendingCommit commit : commits) {
            long first = next;
            next += commit.events().size();
            try {
                events.insertOne(commitDocument(commit, first, reservedAt));
                lastHashes.rememberLast(commit.aggregateId(), commit.events());
            } catch (MongoException e) {
                insertVoid(first, lastReserved, reservedAt);
                persistenceFailure.accept(e, commit.firstMessage());
                return; // not reached: persistenceFailure always throws
            }
        }
    }

    /** An event without aggregate is a stream of its own, with its event id as aggregate id (as Axon's JDBC engine). */
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
                        + " must have contiguous sequence numbers, got " + seq
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
            long last = aggregates.lastSequenceNumberFor(aggregateId).orElse(-1L);
            if (last >= firstSeq) {
                throw new ConcurrencyException("Event " + firstSeq + " of aggregate " + aggregateId
                                                       + " is already stored");
            }
            throw new EventStoreException("Cannot append event " + firstSeq + " of aggregate " + aggregateId
                                                  + ": its stream must continue without gaps after event " + last);
        }
        List<Document> previousEvents = StoredEvents.events(previous);
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
}
