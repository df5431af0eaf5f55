package dk.laeringsledelse.kernel.measurement;

import dk.laeringsledelse.kernel.ErrorCode;
import dk.laeringsledelse.kernel.RuleViolation;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An import was rejected as a whole (BAD_REQUEST) and nothing was stored: {@link #rowErrors()} lists every bad line
 * with its reason, ordered by line. The message names the count and the first few lines, so that a client that only
 * shows messages still sees what to fix; the GraphQL layer should expose the list itself.
 */
public class MeasurementImportRejected extends RuleViolation {

    /** How many row errors the message spells out. */
    static final int MESSAGE_ROWS = 10;

    private final List<RowError> rowErrors;

    /**
     * @param field the command or API field the rows came from, e.g. {@code "rows"} or {@code "csv"}
     */
    public MeasurementImportRejected(String field, List<RowError> rowErrors) {
        super(ErrorCode.BAD_REQUEST, field, message(sorted(rowErrors)));
        this.rowErrors = sorted(rowErrors);
    }

    public List<RowError> rowErrors() {
        return rowErrors;
    }

    private static List<RowError> sorted(List<RowError> rowErrors) {
        if (rowErrors == null || rowErrors.isEmpty()) {
            throw new IllegalArgumentException("an import is rejected for at least one row error");
        }
        return rowErrors.stream().sorted(Comparator.comparingInt(RowError::line)).toList();
    }

    private static String message(List<RowError> errors) {
        long lines = errors.stream().mapToInt(RowError::line).distinct().count();
        String listed = errors.stream().limit(MESSAGE_ROWS).map(RowError::toString).collect(Collectors.joining("; "));
        String more = errors.size() > MESSAGE_ROWS ? "; and " + (errors.size() - MESSAGE_ROWS) + " more" : "";
        return "the import was rejected and nothing was stored: " + lines + (lines == 1 ? " line has" : " lines have")
                + " errors: " + listed + more;
    }
}
