package dk.laeringsledelse.eventstore.integrity;

import org.bson.Document;

import java.util.List;

/**
 * The seals as one aggregate's events meet them: finds the seal covering a position by binary search over the
 * seal numbers (each probe an {@code _id} look-up of {@code from} and {@code to}), checks that seal's digest, and
 * compares the event with the line sealed for its position. Keeps the last seal found: an aggregate's positions
 * ascend, so its events mostly share seals.
 */
final class SealedPositions {

    private final SealChain chain;
    private final long latest;
    private Document seal;
    private boolean sealIntact;
    private long matched;

    SealedPositions(SealChain chain) {
        this.chain = chain;
        this.latest = chain.hint();
    }

    /** How many events matched their seal. */
    long matched() {
        return matched;
    }

    /** The break if the event differs from what its seal recorded, null if it matches or is not sealed yet. */
    IntegrityBreak check(Document event) {
        long position = StoredCommits.number(event, "position");
        if (seal == null || position < from(seal) || position > to(seal)) {
            seal = find(position);
            sealIntact = seal != null && digestMatches(seal);
        }
        if (seal == null) {
            return null;
        }
        long number = StoredCommits.number(seal, "_id");
        if (!sealIntact) {
            return new IntegrityBreak(BreakKind.SEAL_BROKEN, String.valueOf(event.get("aggregateId")),
                                      StoredCommits.number(event, "seq"), position, number,
                                      "the lines of seal " + number + " no longer match its digest");
        }
        List<String> lines = seal.getList("lines", String.class);
        String sealed = lines.get((int) (position - from(seal)));
        String now = SealDigest.eventLine(position, event);
        if (!sealed.equals(now)) {
            return difference(number, lines, sealed, now);
        }
        matched++;
        return null;
    }

    /** The seal covering the position, or null if it is not sealed yet (or a seal on the way is missing). */
    private Document find(long position) {
        long low = seal != null && position > to(seal) ? StoredCommits.number(seal, "_id") + 1 : 1;
        long high = latest;
        while (low <= high) {
            long middle = (low + high) >>> 1;
            Document range = chain.range(middle);
            if (range == null) {
                return null; // the bulk verification reports the missing seal
            }
            if (position < from(range)) {
                high = middle - 1;
            } else if (position > to(range)) {
                low = middle + 1;
            } else {
                return chain.byNumber(middle, middle).stream().findFirst().orElse(null);
            }
        }
        return null;
    }

    private static long from(Document seal) {
        return StoredCommits.number(seal, "from");
    }

    private static long to(Document seal) {
        return StoredCommits.number(seal, "to");
    }

    /** The seal's digest recomputes from its number, previous digest, range and lines. */
    static boolean digestMatches(Document seal) {
        try {
            List<String> lines = seal.getList("lines", String.class);
            long from = from(seal);
            long to = to(seal);
            return lines != null && lines.size() == to - from + 1
                    && SealDigest.of(StoredCommits.number(seal, "_id"), seal.getString("prev"), from, to, lines)
                                 .equals(seal.get("digest"));
        } catch (RuntimeException e) { // a field of the wrong type: it was written by hand
            return false;
        }
    }

    /** What changed at a sealed position: the sealed line against the line the store gives now. */
    static IntegrityBreak difference(long seal, List<String> sealedLines, String sealedLine, String nowLine) {
        String detail = "position " + sealedLine.split(" ", 2)[0] + " was sealed as '" + sealedLine + "', now '"
                + nowLine + "'";
        SealDigest.Line sealed;
        SealDigest.Line now;
        try {
            sealed = SealDigest.Line.parse(sealedLine);
            now = SealDigest.Line.parse(nowLine);
        } catch (RuntimeException e) { // only a forged seal with a recomputed digest has unreadable lines
            return new IntegrityBreak(BreakKind.SEAL_BROKEN, null, null, null, seal, "unreadable line: " + detail);
        }
        if (sealed.isEvent() && now.isEvent()) {
            boolean moved = sealedLines.stream().anyMatch(line -> line.contains(" event ")
                    && now.hash().equals(SealDigest.Line.parse(line).hash()));
            return new IntegrityBreak(moved ? BreakKind.REORDERED : BreakKind.ALTERED, sealed.aggregateId(),
                                      sealed.seq(), sealed.position(), seal, detail);
        }
        if (sealed.isEvent()) {
            return new IntegrityBreak(BreakKind.REMOVED, sealed.aggregateId(), sealed.seq(), sealed.position(), seal,
                                      detail);
        }
        if (now.isEvent()) {
            return new IntegrityBreak(BreakKind.INSERTED, now.aggregateId(), now.seq(), now.position(), seal, detail);
        }
        BreakKind kind = "void".equals(sealed.kind()) ? BreakKind.REMOVED : BreakKind.INSERTED;
        return new IntegrityBreak(kind, null, null, sealed.position(), seal, detail);
    }
}
