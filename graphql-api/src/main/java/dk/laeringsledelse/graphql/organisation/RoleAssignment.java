package dk.laeringsledelse.graphql.organisation;

/** A role a person holds in one unit; the ids of the units above it are filled in, those below are null. */
public record RoleAssignment(String personId, String role, String municipalityId, String institutionId,
                             String teamId) {
}
