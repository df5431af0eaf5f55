package dk.laeringsledelse.kernel.organisation;

/** What a person may do, and where: each role is held in one scope (a team, an institution or a municipality). */
public enum Role {
    /** Pedagogue or teacher, a member of a team. */
    EDUCATOR(Scope.TEAM),
    /** Team coordinator, a member of a team. */
    COORDINATOR(Scope.TEAM),
    /** Municipal consultant (e.g. PPR) assigned to a team, possibly across institutions. */
    RESOURCE_PERSON(Scope.TEAM),
    /** Leads an institution. */
    LEADER(Scope.INSTITUTION),
    /** Reads the history of a municipality. */
    AUDITOR(Scope.MUNICIPALITY),
    /** Manages the organisation of a municipality. */
    ADMIN(Scope.MUNICIPALITY);

    public enum Scope { TEAM, INSTITUTION, MUNICIPALITY }

    private final Scope scope;

    Role(Scope scope) {
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }
}
