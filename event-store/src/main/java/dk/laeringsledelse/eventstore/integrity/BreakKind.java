package dk.laeringsledelse.eventstore.integrity;

/** What kind of tampering a broken link shows. */
public enum BreakKind {
    /** The stored content no longer hashes to the event's stored hash, or the hash differs from the sealed one. */
    ALTERED,
    /** An event that belongs there is missing: a sequence gap, a commit shorter than its range, a sealed event gone. */
    REMOVED,
    /** An event that does not belong there: a repeated or surplus sequence number, a position beyond the reserved
     * head or inside another commit, or an event where a seal recorded none. */
    INSERTED,
    /** Events are out of order: {@code prevHash} does not link to the predecessor's hash, an event sits at another
     * index or position than its sequence number says, or a sealed hash moved to another position. */
    REORDERED,
    /** The seal chain itself is broken: a seal is missing, its digest does not match its lines, or it is not
     * chained to the previous seal. */
    SEAL_BROKEN
}
