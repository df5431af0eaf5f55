package dk.laeringsledelse.kernel.organisation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Id of a municipality (kommune), e.g. its municipality code. Serialized as a plain JSON string; {@link #toString()} returns the value. */
public record MunicipalityId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static MunicipalityId of(String value) {
        return new MunicipalityId(value);
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
