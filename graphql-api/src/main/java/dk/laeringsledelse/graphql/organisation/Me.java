package dk.laeringsledelse.graphql.organisation;

import dk.laeringsledelse.query.organisation.UnitView;
import java.util.List;

/** The calling person: whether they operate the installation, their roles and the teams they may read. */
public record Me(String personId, boolean operator, List<RoleAssignment> roles, List<UnitView> teams) {
}
