package dk.laeringsledelse.graphql.organisation;

/** The GraphQL inputs of the organisation mutations. */
final class OrganisationInputs {

    private OrganisationInputs() {
    }

    record RegisterMunicipalityInput(String id, String name) {
    }

    record RegisterInstitutionInput(String id, String municipalityId, String name, String kind) {
    }

    record RegisterTeamInput(String id, String institutionId, String name, String childGroup) {
    }

    record RenameUnitInput(String id, String name) {
    }

    record RetireUnitInput(String id) {
    }

    record RoleAssignmentInput(String personId, String role, String municipalityId, String institutionId,
                               String teamId) {
    }
}
