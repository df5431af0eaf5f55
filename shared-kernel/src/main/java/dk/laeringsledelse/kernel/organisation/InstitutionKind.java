package dk.laeringsledelse.kernel.organisation;

/** What kind of institution: its curriculum themes depend on it. */
public enum InstitutionKind {
    /** Dagtilbud: the six themes of the 2018 day-care curriculum. */
    DAYCARE,
    /** Skole: subjects. */
    SCHOOL
}
