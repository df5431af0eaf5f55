package dk.laeringsledelse.eventstore.integrity;

/**
 * The result of verifying one aggregate's hash chain. An aggregate with no stored events verifies OK with none
 * verified.
 *
 * @param aggregateId    the aggregate
 * @param eventsVerified how many of its events were checked before the first break (all of them when OK)
 * @param eventsSealed   how many of those were also found as sealed (the others lie in the unsealed tail)
 * @param lastSeq        the sequence number of the last event that verified, null if none did
 * @param firstBreak     the first broken link in sequence order, null when the chain is intact
 */
public record AggregateVerification(String aggregateId, long eventsVerified, long eventsSealed, Long lastSeq,
                                    IntegrityBreak firstBreak) {

    public boolean ok() {
        return firstBreak == null;
    }
}
