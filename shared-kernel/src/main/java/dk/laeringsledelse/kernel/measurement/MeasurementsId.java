package dk.laeringsledelse.kernel.measurement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dk.laeringsledelse.kernel.organisation.InstitutionId;

/**
 * Id of an institution's measurements aggregate: {@code measurements:<institutionId>}, derived. The event store keys
 * streams (and snapshots) by aggregate id alone, so the measurements must not share the id of the institution's own
 * organisation stream. Serialized as a plain JSON string; {@link #toString()} returns the value.
 */
public record MeasurementsId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static MeasurementsId of(String value) {
        return new MeasurementsId(value);
    }

    /** The measurements of this institution; a missing institution leaves the part empty (the aggregate names it). */
    public static MeasurementsId of(InstitutionId institutionId) {
        return new MeasurementsId("measurements:" + (institutionId == null ? "" : institutionId.value()));
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
