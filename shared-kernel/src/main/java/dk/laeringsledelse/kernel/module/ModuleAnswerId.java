package dk.laeringsledelse.kernel.module;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dk.laeringsledelse.kernel.cycle.TeamId;

/**
 * Id of a team's answer to one e-learning module: {@code <teamId>|<moduleId>}, derived, so that a team has one answer
 * per module and every command finds it from the team and the module alone. Module ids contain no {@code |}, so the
 * last {@code |} separates the two. Serialized as a plain JSON string; {@link #toString()} returns the value.
 */
public record ModuleAnswerId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ModuleAnswerId of(String value) {
        return new ModuleAnswerId(value);
    }

    /** The answer of this team to this module; a missing part is left empty (the aggregate then names the field). */
    public static ModuleAnswerId of(TeamId teamId, ModuleId moduleId) {
        return new ModuleAnswerId((teamId == null ? "" : teamId.value()) + "|"
                + (moduleId == null ? "" : moduleId.value()));
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
