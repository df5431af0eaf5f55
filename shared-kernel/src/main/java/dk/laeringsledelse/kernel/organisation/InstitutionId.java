package dk.laeringsledelse.kernel.organisation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Id of a day-care institution or school. Serialized as a plain JSON string; {@link #toString()} returns the value. */
public record InstitutionId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static InstitutionId of(String value) {
        return new InstitutionId(value);
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
