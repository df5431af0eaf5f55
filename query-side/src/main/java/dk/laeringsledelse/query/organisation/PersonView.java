package dk.laeringsledelse.query.organisation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Every role a person holds, and where: what the access rules read on each request, so that an unassigned role
 * stops working at once. Team roles name the team's institution and municipality, institution roles the
 * municipality, so that no second read is needed to know what the person may see.
 */
public record PersonView(@JsonProperty("_id") String id, List<Assignment> assignments) {

    public PersonView {
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
    }

    /** A role in a unit; {@code teamId}/{@code institutionId} are null for roles held higher up. */
    public record Assignment(String role, String municipalityId, String institutionId, String teamId) {
    }
}
