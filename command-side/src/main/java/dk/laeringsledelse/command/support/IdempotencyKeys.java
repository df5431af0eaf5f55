package dk.laeringsledelse.command.support;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dk.laeringsledelse.kernel.RuleViolation;

import java.util.HashMap;
import java.util.Map;

import static dk.laeringsledelse.kernel.MetaDataKeys.IDEMPOTENCY_KEY;

/**
 * The idempotency keys an aggregate has seen, rebuilt from its events' metadata, with the kind of command each key
 * was used for and that command's result (an id, or null). A command whose key was seen returns the earlier result
 * and applies nothing; a key reused for a different kind of command is a CONFLICT. Jackson-serializable (fields) for
 * snapshots. The kind of command is a name, not a class, since one event may come
 * from two commands (a measurement from {@code RecordMeasurement} or {@code ImportMeasurements}).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class IdempotencyKeys {

    public static final int KEY_MAX = 200;

    /** What a key was used for: the kind of command and its result (may be null). */
    public record Seen(String command, String result) {
    }

    private final Map<String, Seen> seen = new HashMap<>();

    /**
     * The earlier outcome of this key, or null if the key is absent or new.
     *
     * @param command the kind of command, e.g. "SubmitModuleAnswer"
     * @param where   where the key lives, for the message, e.g. "this module answer"
     */
    public Seen lookUp(String key, String command, String where) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > KEY_MAX) {
            throw RuleViolation.badRequest(IDEMPOTENCY_KEY,
                    IDEMPOTENCY_KEY + " must not be blank or longer than " + KEY_MAX + " characters");
        }
        Seen earlier = seen.get(key);
        if (earlier != null && !earlier.command().equals(command)) {
            throw RuleViolation.conflict(IDEMPOTENCY_KEY,
                    IDEMPOTENCY_KEY + " was already used for " + earlier.command() + " in " + where);
        }
        return earlier;
    }

    public void remember(String key, String command, Object result) {
        if (key != null) {
            seen.put(key, new Seen(command, result == null ? null : result.toString()));
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
