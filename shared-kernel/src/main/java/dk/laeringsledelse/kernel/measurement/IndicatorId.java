package dk.laeringsledelse.kernel.measurement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Id of a measurement indicator, e.g. {@code LANGUAGE}; the known ones are {@link Indicators}. Serialized as a plain JSON string; {@link #toString()} returns the value.
 * Not validated here: the aggregate checks ids (non-blank, at most 100 characters) so that the error names the field.
 */
public record IndicatorId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static IndicatorId of(String value) {
        return new IndicatorId(value);
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
