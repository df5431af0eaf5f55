package dk.laeringsledelse.query.timeline;

import dk.laeringsledelse.kernel.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Opaque cursors of the team timeline: URL-safe base64 of {@code "<at>|<event id>"}, the position of an entry.
 * A cursor stays valid while entries are added: paging continues after that position.
 */
final class TimelineCursor {

    static final String ARGUMENT = "after";

    private TimelineCursor() {
    }

    static String encode(TimelinePosition position) {
        String plain = position.at() + "|" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws RuleViolation BAD_REQUEST on {@code after} when the text is not a cursor of this timeline */
    static TimelinePosition decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = plain.indexOf('|');
            if (separator < 0 || separator == plain.length() - 1) {
                throw malformed();
            }
            return new TimelinePosition(Instant.parse(plain.substring(0, separator)), plain.substring(separator + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw malformed();
        }
    }

    private static RuleViolation malformed() {
        return RuleViolation.badRequest(ARGUMENT, "after must be a cursor returned by teamTimeline");
    }
}
