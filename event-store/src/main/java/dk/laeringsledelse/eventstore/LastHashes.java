package dk.laeringsledelse.eventstore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The hash of the last event this engine stored or read per aggregate, for the most recently used aggregates, so
 * that appending to an aggregate just written or loaded needs no read to continue its hash chain. An entry is only
 * used for exactly the sequence number it names: the event at (aggregate, sequence number) is stored once and never
 * changes, so an entry cannot go stale, even when another instance appends to the same aggregate.
 */
final class LastHashes {

    private record Last(long seq, String hash) {
    }

    private final Map<String, Last> lastByAggregate;

    LastHashes(int capacity) {
        this.lastByAggregate = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Last> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The hash of event {@code seq} of the aggregate, or null when it is not the one remembered. */
    synchronized String hashOf(String aggregateId, long seq) {
        Last last = lastByAggregate.get(aggregateId);
        return last != null && last.seq() == seq ? last.hash() : null;
    }

    /** Remembers the last of a commit's events (stored or read), if it has any. */
    void rememberLast(String aggregateId, List<Document> commitEvents) {
        if (!commitEvents.isEmpty()) {
            Document last = commitEvents.get(commitEvents.size() - 1);
            remember(aggregateId, last.get("seq", Number.class).longValue(), last.getString("hash"));
        }
    }

    private synchronized void remember(String aggregateId, long seq, String hash) {
        Last known = lastByAggregate.get(aggregateId);
        if (known == null || known.seq() < seq) {
            lastByAggregate.put(aggregateId, new Last(seq, hash));
        }
    }
}
