package dk.laeringsledelse.eventstore;

import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash chain of the event store: how an event's {@code hash} is computed, so that anyone holding a stored
 * event subdocument (an element of a commit document's {@code events} array) can recompute and verify it.
 * <p>
 * {@code hash} = lower-case hex of SHA-256 over the UTF-8 bytes of these ten lines joined with {@code "\n"}
 * (no trailing newline; a missing/null value is the empty string):
 * <ol>
 *     <li>{@code eventId}</li>
 *     <li>{@code aggregateType}</li>
 *     <li>{@code aggregateId}</li>
 *     <li>{@code seq} (decimal)</li>
 *     <li>{@code payloadType}</li>
 *     <li>{@code payloadRevision}</li>
 *     <li>{@link #canonicalJson(Object) canonicalJson}({@code payload})</li>
 *     <li>{@link #canonicalJson(Object) canonicalJson}({@code metaData})</li>
 *     <li>{@code timestamp} (a BSON Date) as {@link Instant#toString()} of its milliseconds, e.g.
 *     {@code 2024-05-01T08:30:00.120Z} (the fraction is left out when the milliseconds are 0)</li>
 *     <li>{@code prevHash}: the hash of the previous event (by {@code seq}) of the same aggregate, empty for seq 0</li>
 * </ol>
 * The global {@code position} is deliberately not hashed: it is only known after the hash is computed; the seals
 * of the global chain cover it ({@code integrity.SealDigest}). docs/auditing.md works an example
 * through, pinned by {@code AuditorExampleTest}.
 */
public final class EventHash {

    private EventHash() {
    }

    /** Recomputes the hash of a stored event subdocument from its fields (its own {@code hash} is ignored). */
    public static String of(Document event) {
        return sha256Hex(canonicalForm(event));
    }

    /** The text that is hashed: the ten lines above, joined with {@code "\n"}. */
    public static String canonicalForm(Document event) {
        Date timestamp = event.getDate("timestamp");
        return String.join("\n",
                text(event.get("eventId")),
                text(event.get("aggregateType")),
                text(event.get("aggregateId")),
                text(event.get("seq")),
                text(event.get("payloadType")),
                text(event.get("payloadRevision")),
                canonicalJson(event.get("payload")),
                canonicalJson(event.get("metaData")),
                timestamp == null ? "" : Instant.ofEpochMilli(timestamp.getTime()).toString(),
                text(event.get("prevHash")));
    }

    /**
     * Deterministic JSON of a BSON value as the Java driver decodes it: objects ({@link Map}, e.g.
     * {@link Document}) with keys sorted by {@link String#compareTo} at every level, arrays in order, strings
     * JSON-escaped (only {@code "}, {@code \} and control characters; other characters as they are), dates as the JSON
     * string of {@link Instant#toString()}, booleans and {@code null} literally, every other value (numbers) by its
     * Java {@code toString()}: integers in decimal, doubles as {@link Double#toString(double)} writes them
     * ({@code 2.5}, {@code 1.0}, {@code 1.0E7}); no whitespace.
     */
    public static String canonicalJson(Object value) {
        StringBuilder out = new StringBuilder();
        render(value, out);
        return out.toString();
    }

    private static void render(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : sorted(map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(entry.getKey(), out);
                out.append(':');
                render(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                render(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String text) {
            quote(text, out);
        } else if (value instanceof Date date) {
            quote(date.toInstant().toString(), out);
        } else {
            out.append(value);
        }
    }

    private static TreeMap<String, Object> sorted(Map<?, ?> map) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        map.forEach((key, value) -> sorted.put(String.valueOf(key), value));
        return sorted;
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Lower-case hex of SHA-256 over the UTF-8 bytes of the text: the hash function of both chains. */
    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
