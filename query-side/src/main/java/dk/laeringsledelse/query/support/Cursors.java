package dk.laeringsledelse.query.support;

import dk.laeringsledelse.kernel.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque Relay cursors and the bounds of page sizes. */
public final class Cursors {

    public static final int MAX_PAGE = 200;

    private Cursors() {
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position in a cursor given by a client; a malformed cursor is the client's error. */
    public static String decode(String cursor, String field) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest(field, field + " is not a cursor returned by this API");
        }
    }

    public static int pageSize(Integer first, int defaultSize) {
        if (first == null) {
            return defaultSize;
        }
        if (first < 1 || first > MAX_PAGE) {
            throw RuleViolation.badRequest("first", "first must be between 1 and " + MAX_PAGE);
        }
        return first;
    }
}
