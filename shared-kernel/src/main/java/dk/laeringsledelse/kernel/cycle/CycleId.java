package dk.laeringsledelse.kernel.cycle;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Id of a learning cycle (forløb). Serialized as a plain JSON string; {@link #toString()} returns the value.
 * Not validated here: the aggregate checks ids (non-blank, at most 100 characters) so that the error names the field.
 */
public record CycleId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CycleId of(String value) {
        return new CycleId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
