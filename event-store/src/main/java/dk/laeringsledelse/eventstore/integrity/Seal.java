package dk.laeringsledelse.eventstore.integrity;

/**
 * A seal of the global chain: positions {@code from..to} digested and chained to the previous seal
 * ({@link SealDigest}). Seal 0 is the genesis: no positions, digest {@link SealDigest#GENESIS}.
 */
public record Seal(long number, long from, long to, String digest) {

    static final Seal GENESIS = new Seal(0, 1, 0, SealDigest.GENESIS);
}
