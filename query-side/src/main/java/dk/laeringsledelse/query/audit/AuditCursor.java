package dk.laeringsledelse.query.audit;

import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.query.support.Cursors;

/**
 * A place in the history, in history order (month, then position); as a cursor, opaque: URL-safe base64 of
 * {@code "<month>|<position>"}.
 */
record AuditCursor(String month, long position) implements Comparable<AuditCursor> {

    String encode() {
        return Cursors.encode(month + "|" + position);
    }

    static AuditCursor of(AuditEvent event) {
        return new AuditCursor(AuditDocuments.monthOf(event.at()), event.position());
    }

    /** @throws RuleViolation BAD_REQUEST on {@code after} when the text is not a cursor of this history */
    static AuditCursor decode(String cursor) {
        String plain = Cursors.decode(cursor, "after");
        int separator = plain.indexOf('|');
        try {
            if (separator != 7) {
                throw new IllegalArgumentException(plain);
            }
            java.time.YearMonth.parse(plain.substring(0, separator));
            return new AuditCursor(plain.substring(0, separator), Long.parseLong(plain.substring(separator + 1)));
        } catch (RuntimeException e) {
            throw RuleViolation.badRequest("after", "after must be a cursor returned by eventHistory");
        }
    }

    @Override
    public int compareTo(AuditCursor other) {
        int byMonth = month.compareTo(other.month);
        return byMonth != 0 ? byMonth : Long.compare(position, other.position);
    }
}
