package dk.laeringsledelse.eventstore.integrity;

import dk.laeringsledelse.eventstore.EventHash;
import org.bson.Document;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Walks one aggregate's commits in sequence order and stops at the first broken link. Each event must have the
 * next sequence number, recompute to its stored hash, link by {@code prevHash} to its predecessor's hash, and stand
 * at the position its commit gives it, within the reserved head, and, where the caller asks, match its seal.
 */
final class ChainCheck {

    private final String aggregateId;
    private final long head;
    private final Function<Document, IntegrityBreak> againstSeals;
    private long nextSeq;
    private String prevHash;
    private long verified;
    private Long lastSeq;
    private IntegrityBreak broken;

    /** For checks whose caller verifies the seals on its own: every event passes. */
    static final Function<Document, IntegrityBreak> NOT_AGAINST_SEALS = event -> null;

    /**
     * A check from the aggregate's first event on; {@code againstSeals} checks an event that passed its chain
     * against the seals and answers the break or null.
     */
    ChainCheck(String aggregateId, long head, Function<Document, IntegrityBreak> againstSeals) {
        this(aggregateId, head, againstSeals, 0, null);
    }

    /** A check that starts at {@code nextSeq}, after an event whose stored hash is {@code prevHash}. */
    ChainCheck(String aggregateId, long head, Function<Document, IntegrityBreak> againstSeals, long nextSeq,
               String prevHash) {
        this.aggregateId = aggregateId;
        this.head = head;
        this.againstSeals = againstSeals;
        this.nextSeq = nextSeq;
        this.prevHash = prevHash;
    }

    boolean intact() {
        return broken == null;
    }

    long nextSeq() {
        return nextSeq;
    }

    AggregateVerification result(long eventsSealed) {
        return new AggregateVerification(aggregateId, verified, eventsSealed, lastSeq, broken);
    }

    /** Checks the next commit of the aggregate; it must start at {@link #nextSeq()}. */
    void verify(Document commit) {
        List<Document> events = StoredCommits.events(commit);
        long first = StoredCommits.first(commit);
        long commitLastSeq = StoredCommits.number(commit, "lastSeq");
        for (int i = 0; i < events.size() && intact(); i++) {
            verifyEvent(events, i, first + i, commitLastSeq);
        }
        if (!intact()) {
            return;
        }
        long lastPosition = StoredCommits.last(commit);
        if (nextSeq <= commitLastSeq || first + events.size() - 1 < lastPosition) {
            fail(BreakKind.REMOVED, nextSeq, first + events.size(), "event " + nextSeq + " is missing: its commit "
                    + "runs to sequence number " + commitLastSeq + " and position " + lastPosition);
        } else if (first + events.size() - 1 > lastPosition) {
            fail(BreakKind.INSERTED, lastSeq, lastPosition + 1, "the commit holds more events than its positions "
                    + first + ".." + lastPosition);
        }
    }

    private void verifyEvent(List<Document> events, int index, long expectedPosition, long commitLastSeq) {
        Document event = events.get(index);
        long seq = StoredCommits.number(event, "seq");
        long position = StoredCommits.number(event, "position");
        if (seq < nextSeq) {
            fail(BreakKind.INSERTED, seq, position, "sequence number " + seq + " appears again after "
                    + (nextSeq - 1));
        } else if (seq > nextSeq) {
            int elsewhere = indexOfSeq(events, nextSeq);
            if (elsewhere >= 0) {
                fail(BreakKind.REORDERED, nextSeq, position, "event " + nextSeq + " stands at index " + elsewhere
                        + " of its commit, event " + seq + " in its place");
            } else {
                fail(BreakKind.REMOVED, nextSeq, position, "the sequence jumps from " + (nextSeq - 1) + " to " + seq);
            }
        } else if (seq > commitLastSeq) {
            fail(BreakKind.INSERTED, seq, position, "event " + seq + " lies beyond its commit's last sequence number "
                    + commitLastSeq);
        } else if (!recomputesToItsHash(event)) {
            fail(BreakKind.ALTERED, seq, position, "the content no longer hashes to the stored hash "
                    + event.get("hash"));
        } else if (!Objects.equals(event.get("prevHash"), prevHash)) {
            fail(BreakKind.REORDERED, seq, position, "prevHash " + event.get("prevHash") + " does not link to "
                    + (prevHash == null ? "the start of the stream" : "the hash " + prevHash + " of event "
                    + (seq - 1)));
        } else if (position != expectedPosition) {
            fail(BreakKind.REORDERED, seq, position, "the event says position " + position + ", its commit places it "
                    + "at " + expectedPosition);
        } else if (position > head) {
            fail(BreakKind.INSERTED, seq, position, "position " + position + " lies beyond the reserved head "
                    + head);
        } else {
            broken = againstSeals.apply(event);
            if (intact()) {
                prevHash = event.getString("hash");
                lastSeq = seq;
                verified++;
                nextSeq++;
            }
        }
    }

    private static boolean recomputesToItsHash(Document event) {
        try {
            return EventHash.of(event).equals(event.get("hash"));
        } catch (RuntimeException e) { // a field of the wrong BSON type, e.g. a timestamp turned into a string
            return false;
        }
    }

    private static int indexOfSeq(List<Document> events, long seq) {
        for (int i = 0; i < events.size(); i++) {
            if (StoredCommits.number(events.get(i), "seq") == seq) {
                return i;
            }
        }
        return -1;
    }

    private void fail(BreakKind kind, Long seq, long position, String detail) {
        broken = new IntegrityBreak(kind, aggregateId, seq, position, null, detail);
    }
}
