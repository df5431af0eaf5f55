package dk.laeringsledelse.eventstore.integrity;

import dk.laeringsledelse.eventstore.EventHash;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The global chain: how a seal's digest is computed, so that an auditor holding the {@code chain_seals} and
 * {@code events} documents can recompute every seal with their own tool.
 * <p>
 * A seal covers the global positions {@code from..to}, right after the previous seal's {@code to}. It stores one
 * line per position, in position order, describing what the store held there when it was sealed:
 * <ul>
 *     <li>{@code <position> event <seq> <hash> <aggregateId>} — the event with that {@code position} field: its
 *     sequence number, its stored {@code hash} ({@link EventHash}) and its aggregate id (the rest of the line);</li>
 *     <li>{@code <position> void} — a position of a void commit (an insert that failed; no event);</li>
 *     <li>{@code <position> gap} — a position no commit covers (its writer crashed after reserving it).</li>
 * </ul>
 * The seal's {@code digest} = lower-case hex of SHA-256 over the UTF-8 bytes of these lines joined with
 * {@code "\n"} (no trailing newline): {@code seal <number>}, {@code prev <digest of the previous seal>} (for seal 1
 * the {@link #GENESIS} digest of 64 zeros), {@code range <from> <to>}, then the position lines. The seal time is
 * not part of the digest, so two nodes sealing the same range compute the same seal.
 */
public final class SealDigest {

    /** The "previous digest" of seal 1. */
    public static final String GENESIS = "0".repeat(64);

    private SealDigest() {
    }

    /** The digest of a seal with the given number, previous digest, range and position lines. */
    public static String of(long number, String previousDigest, long from, long to, List<String> lines) {
        List<String> all = new ArrayList<>(lines.size() + 3);
        all.add("seal " + number);
        all.add("prev " + previousDigest);
        all.add("range " + from + " " + to);
        all.addAll(lines);
        return EventHash.sha256Hex(String.join("\n", all));
    }

    /**
     * The position lines of {@code from..to} as the given commits describe them: the commits whose last position
     * ({@code _id}) lies in the range. Positions of a commit before {@code from} were sealed before and are left
     * out.
     */
    static List<String> lines(List<Document> commits, long from, long to) {
        Map<Long, String> described = new HashMap<>();
        for (Document commit : commits) {
            if (StoredCommits.isVoid(commit)) {
                for (long p = Math.max(from, StoredCommits.first(commit)); p <= StoredCommits.last(commit); p++) {
                    described.putIfAbsent(p, p + " void");
                }
            }
            for (Document event : StoredCommits.events(commit)) {
                long p = StoredCommits.number(event, "position");
                if (p >= from && p <= to) {
                    described.putIfAbsent(p, eventLine(p, event));
                }
            }
        }
        List<String> lines = new ArrayList<>((int) (to - from + 1));
        for (long p = from; p <= to; p++) {
            lines.add(described.getOrDefault(p, p + " gap"));
        }
        return lines;
    }

    static String eventLine(long position, Document event) {
        return position + " event " + StoredCommits.number(event, "seq") + " " + event.get("hash") + " "
                + event.get("aggregateId");
    }

    /** One position line taken apart; {@code seq}, {@code hash} and {@code aggregateId} are null unless an event. */
    record Line(long position, String kind, Long seq, String hash, String aggregateId) {

        static Line parse(String line) {
            String[] parts = line.split(" ", 5);
            long position = Long.parseLong(parts[0]);
            return parts.length == 5
                    ? new Line(position, parts[1], Long.parseLong(parts[2]), parts[3], parts[4])
                    : new Line(position, parts[1], null, null, null);
        }

        boolean isEvent() {
            return "event".equals(kind);
        }
    }
}
