package dk.laeringsledelse.app.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates malformed mutations: for each mutation a valid input, and for each of its fields every kind of wrong value
 * that fits the field (missing, null, wrong type, over-long, unknown id, date out of range, injection strings,
 * deep nesting, invalid enum values), each of which must be refused.
 */
final class MalformedMutations {

    /** What a field holds, which decides the wrong values tried on it. */
    enum Kind { REF_ID, NEW_ID, TEXT, DATE, ENUM, INT, REF_IDS, NEW_IDS, TEXTS }

    record Field(String path, Kind kind, boolean required, int max) {
    }

    /** One request: a name for the report, the GraphQL document and its variables. */
    record Case(String name, String document, Map<String, Object> variables) {
    }

    /** A mutation with a valid input and the fields to break. */
    record Mutation(String name, String inputType, Map<String, Object> validInput, List<Field> fields) {
    }

    static final Map<String, Object> INJECTION_OBJECT = Map.of("$gt", "");
    static final Object DEEP = nest(200);

    private MalformedMutations() {
    }

    static List<Case> corpus(List<Mutation> mutations) {
        List<Case> cases = new ArrayList<>();
        for (Mutation mutation : mutations) {
            for (Field field : mutation.fields()) {
                for (Map.Entry<String, Object> wrong : wrongValues(field).entrySet()) {
                    cases.add(new Case(mutation.name() + " " + field.path() + " = " + wrong.getKey(),
                            document(mutation), Map.of("input", with(mutation.validInput(), field.path(), wrong.getValue()))));
                }
            }
            Map<String, Object> extra = new HashMap<>(mutation.validInput());
            extra.put("$where", "sleep(1000)");
            cases.add(new Case(mutation.name() + " unknown field $where", document(mutation), Map.of("input", extra)));
            Map<String, Object> unknown = new HashMap<>(mutation.validInput());
            unknown.put("bogus", 1);
            cases.add(new Case(mutation.name() + " unknown field", document(mutation), Map.of("input", unknown)));
            cases.add(new Case(mutation.name() + " input missing", document(mutation), Map.of()));
            cases.add(new Case(mutation.name() + " input null", document(mutation), nullInput()));
            cases.add(new Case(mutation.name() + " input a string", document(mutation), Map.of("input", "x")));
            cases.add(new Case(mutation.name() + " input a list", document(mutation), Map.of("input", List.of())));
            cases.add(new Case(mutation.name() + " input an injection", document(mutation),
                    Map.of("input", INJECTION_OBJECT)));
            cases.add(new Case(mutation.name() + " input deeply nested", document(mutation), Map.of("input", DEEP)));
            cases.add(new Case(mutation.name() + " literal injection",
                    "mutation { " + mutation.name() + "(input: {cycleId: {$gt: \"\"}}) { __typename } }", Map.of()));
            cases.add(new Case(mutation.name() + " unknown selection",
                    "mutation { " + mutation.name() + "(input: {}) { $where } }", Map.of()));
        }
        cases.add(new Case("syntax error", "mutation {", Map.of()));
        cases.add(new Case("unknown mutation", "mutation { dropDatabase }", Map.of()));
        cases.add(new Case("deeply nested braces", "mutation " + "{".repeat(5_000) + "}".repeat(5_000), Map.of()));
        cases.add(new Case("deeply nested selection", "mutation { startLearningCycle(input: {}) "
                + "{ cycle ".repeat(300) + "}".repeat(301), Map.of()));
        cases.add(new Case("empty document", "", Map.of()));
        cases.add(new Case("two operations, none named", "mutation a { __typename } mutation b { __typename }",
                Map.of()));
        return cases;
    }

    private static Map<String, Object> wrongValues(Field field) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (field.required()) {
            values.put("missing", Missing.VALUE);
            values.put("null", null);
        }
        values.put("true", true);
        values.put("{$gt: ''}", INJECTION_OBJECT);
        values.put("deep nesting", DEEP);
        switch (field.kind()) {
            case REF_ID, NEW_ID -> {
                values.put("1.5", 1.5);
                values.put("''", "");
                values.put("'   '", "   ");
                values.put("101 characters", "x".repeat(101));
                values.put("'{\"$gt\": \"\"}'", "{\"$gt\": \"\"}");
                values.put("'$where'", "$where: function() { sleep(1000) }");
                values.put("list", List.of("a"));
                if (field.kind() == Kind.REF_ID) {
                    values.put("unknown id", "no-such-id");
                }
            }
            case TEXT -> {
                values.put("42", 42);
                values.put("''", "");
                values.put("'   '", "   ");
                values.put("list", List.of("a"));
                values.put((field.max() + 1) + " characters", "x".repeat(field.max() + 1));
                values.put("100,000 characters", "æ".repeat(100_000));
            }
            case DATE -> {
                values.put("2026-13-45", "2026-13-45");
                values.put("2026-02-30", "2026-02-30");
                values.put("24-11-2026", "24-11-2026");
                values.put("''", "");
                values.put("number", 20261124);
                values.put("date-time", "2026-11-24T10:00:00Z");
                values.put("year 0", "0000-01-01");
                values.put("year 1899", "1899-12-31");
                values.put("year 2200", "2200-01-01");
                values.put("year +999999999", "+999999999-12-31");
                values.put("year -999999999", "-999999999-01-01");
            }
            case ENUM -> {
                values.put("INVALID", "INVALID");
                values.put("lower case", "whole_group");
                values.put("''", "");
                values.put("1", 1);
                values.put("list", List.of("OBSERVATION"));
            }
            case INT -> {
                values.put("-1", -1);
                values.put("99", 99);
                values.put("'1'", "1");
                values.put("1.5", 1.5);
                values.put("2^31", 2_147_483_648L);
            }
            case REF_IDS, NEW_IDS -> {
                values.put("[null]", Arrays.asList((Object) null));
                values.put("['']", List.of(""));
                values.put("[101 characters]", List.of("x".repeat(101)));
                values.put("[{$gt: ''}]", List.of(INJECTION_OBJECT));
                values.put("['$where']", List.of("$where"));
                values.put("nested lists", List.of(List.of(List.of("a"))));
                values.put("1,000 elements", java.util.stream.IntStream.range(0, 1_000).mapToObj(i -> "id" + i).toList());
                if (field.kind() == Kind.REF_IDS) {
                    values.put("[unknown]", List.of("no-such-id"));
                } else {
                    values.put("repeated", List.of("a1", "a1"));
                }
            }
            case TEXTS -> {
                values.put("[]", List.of());
                values.put("[null]", Arrays.asList((Object) null));
                values.put("['']", List.of(""));
                values.put("[42]", List.of(42));
                values.put("[over-long]", List.of("x".repeat(field.max() + 1)));
                values.put("1,000 elements", java.util.stream.IntStream.range(0, 1_000).mapToObj(i -> "tegn " + i).toList());
                values.put("nested lists", List.of(List.of("a")));
            }
        }
        return values;
    }

    /** A copy of {@code input} with the value at a dotted path replaced (or removed, for {@link Missing}). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> with(Map<String, Object> input, String path, Object value) {
        Map<String, Object> copy = new HashMap<>(input);
        int dot = path.indexOf('.');
        if (dot > 0) {
            String head = path.substring(0, dot);
            copy.put(head, with((Map<String, Object>) input.get(head), path.substring(dot + 1), value));
        } else if (value == Missing.VALUE) {
            copy.remove(path);
        } else {
            copy.put(path, value);
        }
        return copy;
    }

    static String document(Mutation mutation) {
        return "mutation($input: " + mutation.inputType() + "!) { " + mutation.name()
                + "(input: $input) { cycle { id version } } }";
    }

    private static Map<String, Object> nullInput() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("input", null);
        return variables;
    }

    private static Object nest(int depth) {
        Object value = "a";
        for (int i = 0; i < depth; i++) {
            value = i % 2 == 0 ? List.of(value) : Map.of("a", value);
        }
        return value;
    }

    private enum Missing { VALUE }
}
