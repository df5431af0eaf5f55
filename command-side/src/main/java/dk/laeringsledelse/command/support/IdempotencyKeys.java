package dk.laeringsledelse.command.support;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.HashMap;
import java.util.Map;

/**
 * The idempotency keys an aggregate has seen, rebuilt from its events' metadata by {@link IdempotencyEnhancer}: per
 * acting person, command type and key, the fingerprint of the request and the id it answered with. Part of the
 * aggregate's state, Jackson-serializable (fields) for snapshots.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class IdempotencyKeys {

    /**
     * What a key was used for: the request's fingerprint and the id it answered with (either may be null: events
     * recorded before fingerprints were kept name only the key). A snapshot taken before then has a {@code command}
     * instead of a fingerprint: it is ignored, and the key answers as it did then.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Seen(String fingerprint, String result) {
    }

    /** Scope ({@link #scope}) → what the key was used for. */
    private final Map<String, Seen> seen = new HashMap<>();

    /** The earlier use of this key by this person for this type of command, or null. */
    public Seen lookUp(String actor, String command, String key) {
        Seen earlier = seen.get(scope(actor, command, key));
        // an event from before keys were scoped names neither the command nor a fingerprint: answer as then
        return earlier != null ? earlier : seen.get(legacy(key));
    }

    /** Remembers a key; {@code command} null for an event recorded before keys were scoped. */
    public void remember(String actor, String command, String key, String fingerprint, String result) {
        String scope = command == null ? legacy(key) : scope(actor, command, key);
        seen.putIfAbsent(scope, new Seen(fingerprint, result));
    }

    /** One string (a map key in snapshots); the key comes last. */
    private static String scope(String actor, String command, String key) {
        return (actor == null ? "" : actor.length() + ":" + actor) + "|" + command + "|" + key;
    }

    /** A key recorded before keys were scoped: the key alone, as snapshots of that time have it. */
    private static String legacy(String key) {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdempotencyKeys other && seen.equals(other.seen);
    }

    @Override
    public int hashCode() {
        return seen.hashCode();
    }
}
