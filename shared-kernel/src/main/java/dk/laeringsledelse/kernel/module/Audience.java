package dk.laeringsledelse.kernel.module;

/** Who answers an e-learning module. */
public enum Audience {
    /** A team of pedagogues or teachers, answering together (seed 002). */
    TEAM,
    /** The institution's leadership team (seed 003). */
    LEADER,
    /** Municipal resource persons and consultants, answering with colleagues (seeds 000, 001). */
    RESOURCE_PERSON
}
