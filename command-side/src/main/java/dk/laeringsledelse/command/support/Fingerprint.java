package dk.laeringsledelse.command.support;

import dk.laeringsledelse.kernel.IdempotentCommand;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;

/**
 * A request's fingerprint: SHA-256 of the command's canonical content. Canonical: record components by name in
 * declaration order, lists in order, texts length-prefixed (so no text can imitate a separator), decimals without
 * trailing zeros (3.40 and 3.4 are one figure). It leaves out the command's {@link IdempotentCommand#resultId()},
 * which the API derives from the key; the key itself travels in metadata and is not part of the command.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(IdempotentCommand command) {
        StringBuilder canonical = new StringBuilder(command.getClass().getName());
        Object resultId = command.resultId();
        if (command.getClass().isRecord()) {
            for (RecordComponent component : command.getClass().getRecordComponents()) {
                Object value = value(component, command);
                if (resultId == null || !resultId.equals(value)) {
                    canonical.append('|').append(component.getName()).append('=');
                    append(canonical, value);
                }
            }
        } else {
            append(canonical, command.toString());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static void append(StringBuilder canonical, Object value) {
        if (value == null) {
            canonical.append("null");
        } else if (value instanceof CharSequence text) {
            canonical.append('"').append(text.length()).append(':').append(text);
        } else if (value instanceof BigDecimal decimal) {
            canonical.append(decimal.stripTrailingZeros().toPlainString());
        } else if (value instanceof Collection<?> values) {
            canonical.append('[');
            values.forEach(element -> {
                append(canonical, element);
                canonical.append(',');
            });
            canonical.append(']');
        } else if (value instanceof Map<?, ?>) {
            throw new IllegalArgumentException("a command's content has no canonical form for maps");
        } else if (value.getClass().isRecord()) {
            canonical.append('{');
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                canonical.append(component.getName()).append('=');
                append(canonical, value(component, value));
                canonical.append(',');
            }
            canonical.append('}');
        } else {
            // enums, dates, numbers: their string forms are canonical
            append(canonical, value.toString());
        }
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
