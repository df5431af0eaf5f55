package dk.laeringsledelse.kernel;

import java.util.Objects;

/**
 * A business rule or input rule was broken; nothing was stored.
 *
 * <p>{@link #field()} is the path of the offending value relative to the command, e.g. {@code "title"},
 * {@code "expectedSigns[2]"}, {@code "targetGroup.childIds[0]"}; the GraphQL layer may prefix it with
 * {@code "input."}. The message names the field and the rule, e.g. "title must not be longer than 200 characters".
 */
public class RuleViolation extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public RuleViolation(ErrorCode code, String field, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.field = Objects.requireNonNull(field, "field");
    }

    public static RuleViolation badRequest(String field, String message) {
        return new RuleViolation(ErrorCode.BAD_REQUEST, field, message);
    }

    public static RuleViolation notFound(String field, String message) {
        return new RuleViolation(ErrorCode.NOT_FOUND, field, message);
    }

    public static RuleViolation conflict(String field, String message) {
        return new RuleViolation(ErrorCode.CONFLICT, field, message);
    }

    public static RuleViolation forbidden(String field, String message) {
        return new RuleViolation(ErrorCode.FORBIDDEN, field, message);
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    @Override
    public String toString() {
        return "RuleViolation[" + code + ", " + field + ": " + getMessage() + "]";
    }
}
