package dk.laeringsledelse.query.timeline;

import dk.laeringsledelse.kernel.RuleViolation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import dk.laeringsledelse.query.support.Cursors;

/**
 * Opaque cursors of the team timeline: URL-safe base64 of {@code "<at>|<event id>"}, the position of an entry.
 * A cursor stays valid while entries are added: paging continues after that position.
 */
final class TimelineCursor {

    static final String ARGUMENT = "after";

    private TimelineCursor() {
    }

    static String encode(TimelinePosition position) {
        return Cursors.encode(position.at() + "|" + position.id());
    }

    /** @throws RuleViolation BAD_REQUEST on {@code after} when the text is not a cursor of this timeline */
    static TimelinePosition decode(String cursor) {
        try {
            String plain = Cursors.decode(cursor, ARGUMENT);
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
