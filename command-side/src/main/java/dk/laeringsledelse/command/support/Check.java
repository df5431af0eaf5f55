package dk.laeringsledelse.command.support;

import dk.laeringsledelse.kernel.RuleViolation;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Input checks that throw a {@link RuleViolation} (BAD_REQUEST) naming the field and the rule. Fields are paths
 * relative to the command, e.g. {@code "expectedSigns[2]"}.
 */
public final class Check {

    public static final int ID_MAX = 100;
    public static final int LABEL_MAX = 100;
    public static final int TITLE_MAX = 200;
    public static final int TEXT_MAX = 4_000;
    /** Dates a learning cycle can sensibly refer to; anything outside is a typing or client error. */
    public static final LocalDate DATE_MIN = LocalDate.of(2000, 1, 1);
    public static final LocalDate DATE_MAX = LocalDate.of(2099, 12, 31);
    /** Ids are names, not text: letters, digits and {@code . _ : @ -}, so no operator or markup can hide in one. */
    private static final Pattern ID_CHARACTERS = Pattern.compile("[\\p{L}\\p{N}._:@-]+");

    private Check() {
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw RuleViolation.badRequest(field, field + " must be given");
        }
        return value;
    }

    /** A required text: non-blank and at most {@code max} characters. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.badRequest(field, field + " must not be blank");
        }
        if (value.length() > max) {
            throw RuleViolation.badRequest(field, field + " must not be longer than " + max + " characters");
        }
        return value;
    }

    /** An optional text: null, or non-blank and at most {@code max} characters. */
    public static String optionalText(String field, String value, int max) {
        return value == null ? null : text(field, value, max);
    }

    /** A typed id (compared by its string value): given, non-blank, at most 100 characters. */
    public static <T> T id(String field, T id) {
        required(field, id);
        String value = id.toString();
        if (value == null || value.isBlank()) {
            throw RuleViolation.badRequest(field, field + " must not be blank");
        }
        if (value.length() > ID_MAX) {
            throw RuleViolation.badRequest(field, field + " must not be longer than " + ID_MAX + " characters");
        }
        if (!ID_CHARACTERS.matcher(value).matches()) {
            throw RuleViolation.badRequest(field,
                    field + " may hold only letters, digits and the characters . _ : @ -");
        }
        return id;
    }

    /** A required date between {@link #DATE_MIN} and {@link #DATE_MAX}. */
    public static LocalDate date(String field, LocalDate value) {
        required(field, value);
        if (value.isBefore(DATE_MIN) || value.isAfter(DATE_MAX)) {
            throw RuleViolation.badRequest(field, field + " must be between " + DATE_MIN + " and " + DATE_MAX);
        }
        return value;
    }

    /** An optional id: null, or a valid id. */
    public static <T> T optionalId(String field, T id) {
        return id == null ? null : id(field, id);
    }

    /** A list of {@code min..max} elements, each checked by {@code element(field[i], value)}; null counts as empty. */
    public static <T> List<T> list(String field, List<T> values, int min, int max, BiConsumer<String, T> element) {
        List<T> list = values == null ? List.of() : values;
        if (list.size() < min) {
            throw RuleViolation.badRequest(field, min == 1
                    ? field + " must not be empty"
                    : field + " must have at least " + min + " elements");
        }
        if (list.size() > max) {
            throw RuleViolation.badRequest(field, field + " must not have more than " + max + " elements");
        }
        for (int i = 0; i < list.size(); i++) {
            element.accept(field + "[" + i + "]", list.get(i));
        }
        return List.copyOf(list);
    }

    /** A list of required texts of at most {@code maxLength} characters each. */
    public static List<String> texts(String field, List<String> values, int min, int max, int maxLength) {
        return list(field, values, min, max, (f, value) -> text(f, value, maxLength));
    }

    /** A list of valid, distinct ids. */
    public static <T> List<T> ids(String field, List<T> values, int min, int max) {
        Set<T> seen = new HashSet<>();
        return list(field, values, min, max, (f, id) -> {
            id(f, id);
            if (!seen.add(id)) {
                throw RuleViolation.badRequest(f, f + " must not repeat " + id);
            }
        });
    }
}
