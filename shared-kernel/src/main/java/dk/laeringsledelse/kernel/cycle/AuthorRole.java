package dk.laeringsledelse.kernel.cycle;

/** In which role the author gave feedback. */
public enum AuthorRole {
    /** Municipal resource person or consultant (e.g. PPR). */
    RESOURCE_PERSON,
    LEADER,
    /** A colleague from another team. */
    PEER
}
