package dk.laeringsledelse.kernel.measurement;

/**
 * Why one line of an import was rejected.
 *
 * @param line   1-based line number in the imported file
 * @param field  the column (e.g. {@code "measuredOn"}), or {@code "line"} when the line as a whole is malformed
 * @param reason names the field and the rule, e.g. "value 7 must be within the scale 1 to 5"
 */
public record RowError(int line, String field, String reason) {

    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
