package dk.laeringsledelse.query.replay;

/**
 * A read model whose stored documents can be of an earlier layout than its projection writes: found at start-up,
 * its processor is rebuilt from the events ({@link ProjectionReplay}), so an upgrade needs no manual step.
 */
public interface ReadModelLayout {

    /** The processor (processing group) that writes the read model. */
    String processor();

    /** Whether the stored read model is of an earlier layout; a cheap check, run once at start-up. */
    boolean isOutdated();
}
