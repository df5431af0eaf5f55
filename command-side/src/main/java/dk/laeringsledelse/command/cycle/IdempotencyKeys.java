package dk.laeringsledelse.command.cycle;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dk.laeringsledelse.kernel.RuleViolation;

import java.util.HashMap;
import java.util.Map;

import static dk.laeringsledelse.kernel.MetaDataKeys.IDEMPOTENCY_KEY;

/**
 * The idempotency keys a cycle has seen, rebuilt from its events' metadata, with the command each key was used for
 * and that command's result (the id of what it created, or null). A command whose key was seen returns the earlier
 * result and applies nothing; a key reused for a different kind of command is a CONFLICT.
 * Jackson-serializable (fields) for snapshots.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class IdempotencyKeys {

    static final int KEY_MAX = 200;

    /** What a key was used for: the command's simple class name and its result (may be null). */
    record Seen(String command, String result) {
    }

    private final Map<String, Seen> seen = new HashMap<>();

    /** The earlier outcome of this key, or null if the key is absent or new. */
    Seen lookUp(String key, Class<?> command) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > KEY_MAX) {
            throw RuleViolation.badRequest(IDEMPOTENCY_KEY,
                    IDEMPOTENCY_KEY + " must not be blank or longer than " + KEY_MAX + " characters");
        }
        Seen earlier = seen.get(key);
        if (earlier != null && !earlier.command().equals(command.getSimpleName())) {
            throw RuleViolation.conflict(IDEMPOTENCY_KEY,
                    IDEMPOTENCY_KEY + " was already used for " + earlier.command() + " in this cycle");
        }
        return earlier;
    }

    void remember(String key, Class<?> command, Object result) {
        if (key != null) {
            seen.put(key, new Seen(command.getSimpleName(), result == null ? null : result.toString()));
        }
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
