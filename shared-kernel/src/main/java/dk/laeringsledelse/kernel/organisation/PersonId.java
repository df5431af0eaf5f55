package dk.laeringsledelse.kernel.organisation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Pseudonymous id of a person: the subject of their identity token. Serialized as a plain JSON string; {@link #toString()} returns the value. */
public record PersonId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PersonId of(String value) {
        return new PersonId(value);
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
