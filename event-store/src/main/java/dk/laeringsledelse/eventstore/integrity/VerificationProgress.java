package dk.laeringsledelse.eventstore.integrity;

/**
 * How far a bulk verification has come: in phase {@link Phase#EVENTS} positions of the global sequence checked
 * out of the reserved head, in phase {@link Phase#SEALS} seals checked out of the seals there are.
 */
public record VerificationProgress(Phase phase, long processed, long total, long breaksFound) {

    public enum Phase { EVENTS, SEALS }
}
