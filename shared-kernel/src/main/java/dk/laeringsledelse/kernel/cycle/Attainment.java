package dk.laeringsledelse.kernel.cycle;

/** How far a learning goal was reached (målopfyldelse). */
public enum Attainment {
    NOT_YET,
    PARTLY,
    ACHIEVED
}
