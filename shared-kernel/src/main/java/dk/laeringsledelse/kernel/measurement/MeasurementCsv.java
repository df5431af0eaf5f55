package dk.laeringsledelse.kernel.measurement;

import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.cycle.TeamId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the CSV export of a survey: a header line {@code institution,team,round,measuredOn,indicator,value,scaleMin,
 * scaleMax,n}, then one figure per line. Pure (no I/O, no clock): the API layer calls it and sends the resulting
 * {@link ImportMeasurements} commands.
 *
 * <p>Format: comma-separated; a field may be quoted with {@code "} ({@code ""} inside quotes is a quote); fields are
 * trimmed; blank lines are skipped (but counted); a byte-order mark, CRLF line ends and header case are tolerated.
 * {@code team} may be empty (a figure about the whole institution); {@code round} is T1, T2 or T3; {@code measuredOn}
 * is an ISO date (2025-03-14); numbers use a decimal point. This parser checks the format only; the rules (known
 * indicator, value within the scale, round dates in order, ...) are the aggregate's, which lists its own row errors.
 *
 * <p>Every malformed line is reported with its line number (the header is line 1), not only the first.
 */
public final class MeasurementCsv {

    public static final List<String> HEADER =
            List.of("institution", "team", "round", "measuredOn", "indicator", "value", "scaleMin", "scaleMax", "n");
    /** Most data rows in one import: one commit stores them all. */
    public static final int MAX_ROWS = 5_000;

    private MeasurementCsv() {
    }

    /**
     * The rows of a file, grouped per institution in the order institutions first appear, and every format error.
     * With errors, {@link #rowsByInstitution()} holds only the well-formed rows and must not be imported.
     */
    public record Result(Map<InstitutionId, List<MeasurementRow>> rowsByInstitution, List<RowError> errors) {

        public Result {
            rowsByInstitution = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowsByInstitution));
            errors = List.copyOf(errors);
        }

        public boolean isValid() {
            return errors.isEmpty();
        }

        /**
         * One command per institution. An import is all or nothing per institution (one aggregate, one commit); a
         * file with several institutions gives several commands, so the caller decides whether to accept that.
         *
         * @throws MeasurementImportRejected (field {@code field}) listing every format error, if there is any
         */
        public List<ImportMeasurements> commands(String field, String correctionReason) {
            if (!isValid()) {
                throw new MeasurementImportRejected(field, errors);
            }
            List<ImportMeasurements> commands = new ArrayList<>();
            rowsByInstitution.forEach((institution, rows) ->
                    commands.add(new ImportMeasurements(institution, rows, correctionReason)));
            return commands;
        }
    }

    public static Result parse(String text) {
        List<RowError> errors = new ArrayList<>();
        Map<InstitutionId, List<MeasurementRow>> rows = new LinkedHashMap<>();
        String content = text == null ? "" : text;
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        String[] lines = content.split("\r\n|\r|\n", -1);
        if (!HEADER.equals(header(lines[0]))) {
            errors.add(new RowError(1, "line", "line 1 must be the header " + String.join(",", HEADER)));
            return new Result(rows, errors);
        }
        int count = 0;
        for (int i = 1; i < lines.length; i++) {
            int line = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            if (++count > MAX_ROWS) {
                errors.add(new RowError(line, "line", "a file may have at most " + MAX_ROWS
                        + " data rows; split it (each part is all-or-nothing on its own)"));
                break;
            }
            parseRow(line, lines[i], errors, rows);
        }
        if (count == 0 && errors.isEmpty()) {
            errors.add(new RowError(1, "line", "the file has no data rows after the header"));
        }
        return new Result(rows, errors);
    }

    private static List<String> header(String line) {
        List<String> fields = split(line);
        return fields == null ? List.of() : fields.stream().map(f -> {
            String name = f.toLowerCase(Locale.ROOT);
            return HEADER.stream().filter(h -> h.toLowerCase(Locale.ROOT).equals(name)).findFirst().orElse(f);
        }).toList();
    }

    private static void parseRow(int line, String text, List<RowError> errors,
                                 Map<InstitutionId, List<MeasurementRow>> rows) {
        List<String> fields = split(text);
        if (fields == null) {
            errors.add(new RowError(line, "line", "line " + line + " has a quote that is not closed"));
            return;
        }
        if (fields.size() != HEADER.size()) {
            errors.add(new RowError(line, "line", "line " + line + " has " + fields.size() + " fields, expected "
                    + HEADER.size() + " (" + String.join(",", HEADER) + "); decimals use a point, not a comma"));
            return;
        }
        int before = errors.size();
        Row row = new Row(line, fields, errors);
        String institution = row.required(0);
        String team = fields.get(1);
        Round round = row.round(2);
        LocalDate measuredOn = row.date(3);
        String indicator = row.required(4);
        BigDecimal value = row.decimal(5);
        BigDecimal scaleMin = row.decimal(6);
        BigDecimal scaleMax = row.decimal(7);
        int n = row.count(8);
        if (errors.size() > before) {
            return;
        }
        rows.computeIfAbsent(InstitutionId.of(institution), id -> new ArrayList<>()).add(new MeasurementRow(line,
                team.isEmpty() ? null : TeamId.of(team), round, measuredOn,
                IndicatorId.of(indicator.toUpperCase(Locale.ROOT)), value, scaleMin, scaleMax, n));
    }

    /** The fields of one line, trimmed, or null if a quote is not closed. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString().trim());
        return fields;
    }

    /** Reads the fields of one line, adding an error per malformed field. */
    private record Row(int line, List<String> fields, List<RowError> errors) {

        String required(int index) {
            String value = fields.get(index);
            if (value.isEmpty()) {
                error(index, HEADER.get(index) + " must not be empty");
            }
            return value;
        }

        Round round(int index) {
            String value = required(index);
            try {
                return value.isEmpty() ? null : Round.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                error(index, "round must be T1, T2 or T3, not '" + value + "'");
                return null;
            }
        }

        LocalDate date(int index) {
            String value = required(index);
            try {
                return value.isEmpty() ? null : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                error(index, HEADER.get(index) + " must be a date like 2025-03-14, not '" + value + "'");
                return null;
            }
        }

        BigDecimal decimal(int index) {
            String value = required(index);
            try {
                return value.isEmpty() ? null : new BigDecimal(value);
            } catch (NumberFormatException e) {
                error(index, HEADER.get(index) + " must be a number like 3.5, not '" + value + "'");
                return null;
            }
        }

        int count(int index) {
            String value = required(index);
            try {
                return value.isEmpty() ? 0 : Integer.parseInt(value);
            } catch (NumberFormatException e) {
                error(index, HEADER.get(index) + " must be a whole number, not '" + value + "'");
                return 0;
            }
        }

        private void error(int index, String reason) {
            errors.add(new RowError(line, HEADER.get(index), reason));
        }
    }
}
