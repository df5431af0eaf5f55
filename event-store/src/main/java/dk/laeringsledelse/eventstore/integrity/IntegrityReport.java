package dk.laeringsledelse.eventstore.integrity;

import java.util.List;

/**
 * The result of a bulk verification of every aggregate's chain and every seal.
 *
 * @param headPosition the highest reserved global position when the verification started
 * @param aggregates   aggregates whose chain was checked (counted by their first commit)
 * @param events       events checked
 * @param seals        seals checked
 * @param latestSeal   the last seal of the chain (number 0 if none): an auditor who records its digest outside the
 *                     database can later prove that the history up to {@code latestSeal.to()} was not rewritten
 * @param breaksFound  how many broken links were found (the first per aggregate and per seal)
 * @param breaks       the first {@value IntegrityVerifier#MAX_REPORTED_BREAKS} of them, in the order found
 */
public record IntegrityReport(long headPosition, long aggregates, long events, long seals, Seal latestSeal,
                              long breaksFound, List<IntegrityBreak> breaks) {

    public boolean ok() {
        return breaksFound == 0;
    }

    /** Positions after the latest seal: protected by the per-aggregate chains only, not yet by the global chain. */
    public long unsealedPositions() {
        return headPosition - latestSeal.to();
    }
}
