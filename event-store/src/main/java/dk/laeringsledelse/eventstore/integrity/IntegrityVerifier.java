package dk.laeringsledelse.eventstore.integrity;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.EventHash;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Verifies the event store against tampering: each aggregate's hash chain ({@link EventHash}) and the global chain
 * of seals ({@link ChainSealer}, {@link SealDigest}). A resolver can call it directly; {@link #verifyAll} reads the
 * whole store, so run it off the request thread and stream its progress.
 * <p>
 * {@link #verifyAggregate} follows one aggregate's commits by the unique key {@code (aggregateId, firstSeq)}, as an
 * aggregate load does, and finds each event's seal by a binary search over seal numbers. It cannot see commits
 * after a hole in the stream, nor a removed tail (nothing is left to point at what is missing): {@link #verifyAll}
 * finds the first through each commit's predecessor, and the seals find both, for sealed positions. {@link #verifyAll} streams the whole store in windows of positions by
 * {@code _id}, then the seals by {@code _id}; memory stays bounded by a window, a seal and the reported breaks.
 */
public final class IntegrityVerifier {

    /** At most this many breaks are kept in a report; all are counted. */
    public static final int MAX_REPORTED_BREAKS = 100;

    private static final int WINDOW = 250;
    private static final int SEAL_BATCH = 20;

    private final StoredCommits commits;
    private final SealChain seals;

    public IntegrityVerifier(MongoDatabase database) {
        this.commits = new StoredCommits(database);
        this.seals = new SealChain(database);
    }

    /**
     * OK, or the first broken link of the aggregate's chain in sequence order: each event is checked in its chain
     * and, once sealed, against the line its seal recorded for its position (so an event altered together with
     * the hashes after it is found too).
     */
    public AggregateVerification verifyAggregate(String aggregateId) {
        SealedPositions sealed = new SealedPositions(seals);
        ChainCheck check = new ChainCheck(aggregateId, commits.headPosition(), sealed::check);
        Document commit = commits.startingAt(aggregateId, 0);
        while (commit != null && check.intact()) {
            check.verify(commit);
            commit = commits.startingAt(aggregateId, check.nextSeq());
        }
        return check.result(sealed.matched());
    }

    /**
     * Seal {@code number} as stored, to compare with a digest an auditor noted down earlier: if it still matches and
     * {@link #verifyAll} passes, the history up to the seal's {@code to} is unchanged since.
     */
    public Optional<Seal> seal(long number) {
        return seals.byNumber(number, number).stream().findFirst().map(SealChain::summary);
    }

    public IntegrityReport verifyAll() {
        return verifyAll(progress -> { });
    }

    /**
     * Verifies every aggregate (the first break of each) and every seal (the first break of each), reporting
     * progress after each window of positions and each batch of seals.
     */
    public IntegrityReport verifyAll(Consumer<VerificationProgress> progress) {
        long head = commits.headPosition();
        Breaks breaks = new Breaks();
        Set<String> brokenAggregates = new HashSet<>();
        long aggregates = 0;
        long events = 0;
        long coveredTo = 0;
        for (long from = 1; from <= head; from += WINDOW) {
            long to = Math.min(from + WINDOW - 1, head);
            for (Document commit : commits.endingIn(from, to)) {
                String aggregateId = String.valueOf(commit.get("aggregateId"));
                long firstSeq = StoredCommits.number(commit, "firstSeq");
                boolean isVoid = StoredCommits.isVoid(commit);
                if (StoredCommits.first(commit) <= coveredTo) {
                    breaks.add(new IntegrityBreak(BreakKind.INSERTED, isVoid ? null : aggregateId,
                                                  isVoid ? null : firstSeq, StoredCommits.first(commit), null,
                                                  "the commit overlaps positions of an earlier commit"));
                }
                coveredTo = Math.max(coveredTo, StoredCommits.last(commit));
                if (isVoid) {
                    continue;
                }
                events += StoredCommits.events(commit).size();
                if (firstSeq == 0) {
                    aggregates++;
                }
                if (!brokenAggregates.contains(aggregateId)) {
                    IntegrityBreak found = verifyCommit(commit, aggregateId, firstSeq, head);
                    if (found != null) {
                        brokenAggregates.add(aggregateId);
                        breaks.add(found);
                    }
                }
            }
            progress.accept(new VerificationProgress(VerificationProgress.Phase.EVENTS, to, head, breaks.count));
        }
        SealsVerified sealsVerified = verifySeals(breaks, progress);
        return new IntegrityReport(head, aggregates, events, sealsVerified.count(), sealsVerified.latest(),
                                   breaks.count, List.copyOf(breaks.kept));
    }

    /** One commit in its aggregate's chain, linked to the last event of the commit before it. */
    private IntegrityBreak verifyCommit(Document commit, String aggregateId, long firstSeq, long head) {
        ChainCheck check;
        if (firstSeq == 0) {
            check = new ChainCheck(aggregateId, head, ChainCheck.NOT_AGAINST_SEALS);
        } else {
            Document predecessor = commits.endingAt(aggregateId, firstSeq - 1);
            List<Document> before = predecessor == null ? List.of() : StoredCommits.events(predecessor);
            if (before.isEmpty()) {
                // the events before this commit are gone; the aggregate's own walk tells from where
                AggregateVerification walk = verifyAggregate(aggregateId);
                if (!walk.ok()) {
                    return walk.firstBreak();
                }
                long missing = walk.lastSeq() == null ? 0 : walk.lastSeq() + 1;
                return new IntegrityBreak(BreakKind.REMOVED, aggregateId, missing, null, null,
                                          "events " + missing + ".." + (firstSeq - 1) + " are missing before the "
                                                  + "commit at position " + StoredCommits.first(commit));
            }
            check = new ChainCheck(aggregateId, head, ChainCheck.NOT_AGAINST_SEALS, firstSeq,
                                   Objects.toString(before.get(before.size() - 1).get("hash"), null));
        }
        check.verify(commit);
        return check.result(0).firstBreak();
    }

    private record SealsVerified(long count, Seal latest) {
    }

    /** The seal chain from seal 1: each seal's own digest, its link to the one before, and the store against it. */
    private SealsVerified verifySeals(Breaks breaks, Consumer<VerificationProgress> progress) {
        long hint = seals.hint();
        Seal previous = Seal.GENESIS; // null after a missing seal: the next one cannot be linked
        Seal latest = Seal.GENESIS;
        long checked = 0;
        for (long batch = 1; ; batch += SEAL_BATCH) {
            Map<Long, Document> found = new HashMap<>();
            seals.byNumber(batch, batch + SEAL_BATCH - 1)
                 .forEach(seal -> found.put(StoredCommits.number(seal, "_id"), seal));
            if (found.isEmpty() && batch <= hint) { // the chain ends before the latest seal noted: its tail is gone
                breaks.add(sealBroken(batch, "seals " + batch + ".." + hint + " are missing (the latest seal noted is "
                        + hint + ")"));
            }
            long highest = found.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            for (long number = batch; number < batch + SEAL_BATCH; number++) {
                Document seal = found.get(number);
                if (seal == null && (found.isEmpty() || number > Math.max(hint, highest))) {
                    progress.accept(new VerificationProgress(VerificationProgress.Phase.SEALS, checked, checked,
                                                             breaks.count));
                    return new SealsVerified(checked, latest);
                }
                if (seal == null) {
                    breaks.add(sealBroken(number, "seal " + number + " is missing"));
                    previous = null;
                    continue;
                }
                IntegrityBreak broken = verifySeal(seal, previous);
                if (broken != null) {
                    breaks.add(broken);
                }
                previous = SealChain.summary(seal);
                latest = previous;
                checked++;
            }
            progress.accept(new VerificationProgress(VerificationProgress.Phase.SEALS, checked,
                                                     Math.max(hint, checked), breaks.count));
        }
    }

    private IntegrityBreak verifySeal(Document seal, Seal previous) {
        long number = StoredCommits.number(seal, "_id");
        long from = StoredCommits.number(seal, "from");
        long to = StoredCommits.number(seal, "to");
        if (previous != null && from != previous.to() + 1) {
            return sealBroken(number, "seal " + number + " starts at position " + from + ", seal "
                    + previous.number() + " ended at " + previous.to());
        }
        if (previous != null && !Objects.equals(seal.get("prev"), previous.digest())) {
            return sealBroken(number, "seal " + number + " is not chained to the digest of seal " + previous.number());
        }
        if (!SealedPositions.digestMatches(seal)) {
            return sealBroken(number, "the lines of seal " + number + " no longer match its digest");
        }
        List<String> lines = seal.getList("lines", String.class);
        List<String> now = SealDigest.lines(commits.endingIn(from, to), from, to);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals(now.get(i))) {
                return SealedPositions.difference(number, lines, lines.get(i), now.get(i));
            }
        }
        return null;
    }

    private static IntegrityBreak sealBroken(long seal, String detail) {
        return new IntegrityBreak(BreakKind.SEAL_BROKEN, null, null, null, seal, detail);
    }

    /** Counts every break, keeps the first ones. */
    private static final class Breaks {

        private final List<IntegrityBreak> kept = new ArrayList<>();
        private long count;

        void add(IntegrityBreak found) {
            count++;
            if (kept.size() < MAX_REPORTED_BREAKS) {
                kept.add(found);
            }
        }
    }
}
