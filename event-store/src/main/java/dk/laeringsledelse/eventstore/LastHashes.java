package dk.laeringsledelse.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;

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

    synchronized void remember(String aggregateId, long seq, String hash) {
        Last known = lastByAggregate.get(aggregateId);
        if (known == null || known.seq() < seq) {
            lastByAggregate.put(aggregateId, new Last(seq, hash));
        }
    }
}
