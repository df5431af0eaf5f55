package dk.laeringsledelse.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * The commits this engine read most recently, by every global position they cover. Several processors replaying
 * the same history (each on its own stream) then read each commit from the store once, not once per processor.
 * A stored commit never changes, so an entry cannot go stale; a position without a commit is never remembered, so a
 * gap is always looked for again.
 */
final class RecentCommits {

    private final Map<Long, Document> byPosition;

    RecentCommits(int capacity) {
        this.byPosition = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Document> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The commit holding this position, if read recently. */
    synchronized Document covering(long position) {
        return byPosition.get(position);
    }

    synchronized void remember(Document commit, long first, long last) {
        for (long position = first; position <= last; position++) {
            byPosition.put(position, commit);
        }
    }
}
