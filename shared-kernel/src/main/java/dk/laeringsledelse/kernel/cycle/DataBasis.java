package dk.laeringsledelse.kernel.cycle;

/**
 * The data a team starts a cycle from.
 *
 * @param findings what the data showed (free text; may describe children)
 * @param sources  where the data came from, e.g. "Profilanalyse T1 2025, observationer i vuggestuen" (free text)
 */
public record DataBasis(String findings, String sources) {
}
