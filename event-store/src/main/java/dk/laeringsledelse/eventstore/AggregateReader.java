package dk.laeringsledelse.eventstore;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.DomainEventData;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static com.mongodb.client.model.Projections.include;
import static dk.laeringsledelse.eventstore.StoredEvents.number;
import static dk.laeringsledelse.eventstore.StoredEvents.uniqueKey;

/**
 * Reads one aggregate's stream: its commits, found by following the chain of exact lookups on the unique index
 * {@code (aggregateId, firstSeq)}, each commit starting right after the previous one. A load remembers the hash of
 * the stream's last event, so that the next append to it needs no read.
 */
final class AggregateReader {

    private final MongoCollection<Document> events;
    private final LastHashes lastHashes;

    AggregateReader(MongoCollection<Document> events, LastHashes lastHashes) {
        this.events = events;
        this.lastHashes = lastHashes;
    }

    Stream<? extends DomainEventData<?>> readEventData(String aggregateId, long firstSequenceNumber) {
        List<Document> commits = commitsFrom(aggregateId, firstSequenceNumber, null);
        if (!commits.isEmpty()) {
            lastHashes.rememberLast(aggregateId, StoredEvents.events(commits.get(commits.size() - 1)));
        }
        return commits.stream()
                .flatMap(commit -> StoredEvents.events(commit).stream())
                .filter(event -> number(event, "seq") >= firstSequenceNumber)
                .map(StoredEvents::domainEventData);
    }

    Optional<Long> lastSequenceNumberFor(String aggregateId) {
        List<Document> commits = commitsFrom(aggregateId, 0, include("lastSeq"));
        return commits.isEmpty() ? Optional.empty()
                : Optional.of(number(commits.get(commits.size() - 1), "lastSeq"));
    }

    /** The aggregate's commits from the one holding sequence number n on. */
    private List<Document> commitsFrom(String aggregateId, long n, Bson projection) {
        Document commit = commitStartingAt(aggregateId, n, projection);
        if (commit == null && n > 0) {
            commit = commitStartingAt(aggregateId, 0, projection); // n lies inside a commit: walk from the start
        }
        List<Document> commits = new ArrayList<>();
        while (commit != null) {
            commits.add(commit);
            commit = commitStartingAt(aggregateId, number(commit, "lastSeq") + 1, projection);
        }
        return commits;
    }

    private Document commitStartingAt(String aggregateId, long firstSeq, Bson projection) {
        return events.find(uniqueKey(aggregateId, "firstSeq", firstSeq))
                     .projection(projection)
                     .first();
    }
}
