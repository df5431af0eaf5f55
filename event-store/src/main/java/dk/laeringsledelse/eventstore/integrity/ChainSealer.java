package dk.laeringsledelse.eventstore.integrity;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Chains the global order: seals closed, contiguous ranges of global positions one after the other, each with a
 * digest over what every position held ({@link SealDigest}) chained to the previous seal's digest, stored in
 * {@value SealChain#SEALS} with {@code _id} = seal number.
 * <p>
 * Appends never wait for this: commits are inserted concurrently at pre-reserved positions, so the chain is built
 * afterwards, over positions that are closed. A range is closed up to the last commit reserved more than
 * {@code horizon} ago (the event store's gap timeout): positions are reserved in increasing order, so every
 * position below such a commit was reserved even earlier, and one still without a commit is a crashed writer's
 * gap, sealed as {@code gap} (tracking processors give it up after the same timeout). Positions after the last
 * such commit are the unsealed tail, protected by the per-aggregate chains only until a later run seals them.
 * <p>
 * Safe on several nodes at once: a seal's number is its {@code _id}, so of two nodes sealing the same number one
 * insert fails and that node stops; both would have computed the same seal anyway. Reads are {@code _id} look-ups
 * only (commits by {@code _id $in} a window of positions), so a run costs the same however large the store is.
 */
public final class ChainSealer {

    /** The collection of seals. */
    public static final String SEALS = SealChain.SEALS;

    private static final Logger log = LoggerFactory.getLogger(ChainSealer.class);
    private static final int WINDOW = 250;

    private final StoredCommits commits;
    private final SealChain chain;
    private final Duration horizon;
    private final Clock clock;
    private final int maxPositionsPerSeal;

    /** A sealer with seals of up to 1,000 positions; {@code horizon} should be the event store's gap timeout. */
    public ChainSealer(MongoDatabase database, Duration horizon, Clock clock) {
        this(database, horizon, clock, 1_000);
    }

    public ChainSealer(MongoDatabase database, Duration horizon, Clock clock, int maxPositionsPerSeal) {
        if (horizon == null || horizon.isNegative() || clock == null || maxPositionsPerSeal < 1) {
            throw new IllegalArgumentException("horizon and clock are required, maxPositionsPerSeal positive");
        }
        this.commits = new StoredCommits(database);
        this.chain = new SealChain(database);
        this.horizon = horizon;
        this.clock = clock;
        this.maxPositionsPerSeal = maxPositionsPerSeal;
    }

    /**
     * Seals every closed range not sealed yet, one seal after the other; returns the seals this call made (none
     * when there was nothing closed to seal, or another node was sealing). Throws {@link IllegalStateException}
     * when the latest recorded seal is missing: then the chain is broken and must be investigated, not extended.
     */
    public List<Seal> sealAvailable() {
        List<Seal> made = new ArrayList<>();
        Seal previous = chain.latest();
        while (true) {
            Document next = nextSeal(previous);
            if (next == null || !chain.insert(next)) {
                return made;
            }
            Seal sealed = SealChain.summary(next);
            chain.raiseHint(sealed.number());
            // the digest in the log is a copy outside the database, against which the chain can be checked later
            log.info("Sealed global positions {}..{} as seal {}, digest {}",
                     sealed.from(), sealed.to(), sealed.number(), sealed.digest());
            made.add(sealed);
            previous = sealed;
        }
    }

    /** The seal after {@code previous} over the closed positions after it, or null if none is closed yet. */
    private Document nextSeal(Seal previous) {
        long from = previous.to() + 1;
        long head = commits.headPosition();
        Date deadline = Date.from(clock.instant().minus(horizon));
        List<Document> covered = new ArrayList<>();
        long to = from - 1;
        long scanned = from - 1;
        scan:
        while (scanned < head) {
            long windowEnd = Math.min(scanned + WINDOW, head);
            for (Document commit : commits.endingIn(scanned + 1, windowEnd)) {
                if (!settled(commit, deadline)) {
                    break scan;
                }
                covered.add(commit);
                to = StoredCommits.last(commit);
                if (to - from + 1 >= maxPositionsPerSeal) {
                    break scan;
                }
            }
            scanned = windowEnd;
        }
        if (to < from) {
            return null;
        }
        long number = previous.number() + 1;
        List<String> lines = SealDigest.lines(covered, from, to);
        return new Document("_id", number)
                .append("from", from)
                .append("to", to)
                .append("prev", previous.digest())
                .append("digest", SealDigest.of(number, previous.digest(), from, to, lines))
                .append("sealedAt", Date.from(clock.instant()))
                .append("lines", lines);
    }

    /** Reserved before the deadline; a commit without a reservation time cannot be waited for and counts too. */
    private static boolean settled(Document commit, Date deadline) {
        Object reservedAt = commit.get("reservedAt");
        return !(reservedAt instanceof Date date) || date.before(deadline);
    }
}
