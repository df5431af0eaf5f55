package dk.laeringsledelse.graphql.organisation;

/** The answer to assigning or unassigning a role: the assignment it was about. */
public record RoleAssignmentPayload(RoleAssignment assignment) {
}
