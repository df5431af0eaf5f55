package dk.laeringsledelse.kernel.module;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Id of an e-learning module, e.g. {@code TEAM_DATA_TO_PRACTICE}; the known ones are {@link Modules}. Serialized as a plain JSON string; {@link #toString()} returns the value.
 * Not validated here: the aggregate checks ids (non-blank, at most 100 characters) so that the error names the field.
 */
public record ModuleId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ModuleId of(String value) {
        return new ModuleId(value);
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
