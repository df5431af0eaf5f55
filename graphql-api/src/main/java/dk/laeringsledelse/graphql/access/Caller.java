package dk.laeringsledelse.graphql.access;

import dk.laeringsledelse.kernel.organisation.Role;
import dk.laeringsledelse.query.audit.AuditScope;
import dk.laeringsledelse.query.organisation.PersonView.Assignment;
import dk.laeringsledelse.query.organisation.UnitView;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated person behind a request and the roles they hold now (from the organisation read model, not
 * from the token, so that an unassigned role stops working at once). Operators run the installation: they may
 * register municipalities and manage every municipality's organisation, but read no learning data.
 *
 * <p>The rules of the access table: educators and coordinators write and read their own teams' cycles; resource
 * persons give feedback to and read their assigned teams; leaders give feedback to and read every team of their
 * institutions; auditors read everything in their municipality; admins manage their municipality's organisation.
 */
public record Caller(String personId, List<Assignment> assignments, boolean operator) {

    private static final Set<String> TEAM_WRITERS = Set.of(Role.EDUCATOR.name(), Role.COORDINATOR.name());

    /** The role in which the caller may change this team's learning cycles, if any. */
    public Optional<Role> cycleWriterRole(UnitView team) {
        return assignments.stream()
                .filter(a -> team.id.equals(a.teamId()) && TEAM_WRITERS.contains(a.role()))
                .map(a -> Role.valueOf(a.role()))
                .sorted()
                .findFirst();
    }

    /** The roles in which the caller may give this team feedback: RESOURCE_PERSON, LEADER. */
    public List<Role> feedbackRoles(UnitView team) {
        return assignments.stream()
                .filter(a -> (a.role().equals(Role.RESOURCE_PERSON.name()) && team.id.equals(a.teamId()))
                        || (a.role().equals(Role.LEADER.name()) && team.institutionId.equals(a.institutionId())))
                .map(a -> Role.valueOf(a.role()))
                .distinct()
                .toList();
    }

    /**
     * The role in which the caller may record this institution's measurements, if any: its leaders, and the
     * municipality's admins (the administration usually receives the survey export for all its institutions).
     */
    public Optional<Role> measurementWriterRole(UnitView institution) {
        return assignments.stream()
                .filter(a -> (a.role().equals(Role.LEADER.name()) && institution.id.equals(a.institutionId()))
                        || (a.role().equals(Role.ADMIN.name()) && a.institutionId() == null
                        && institution.municipalityId.equals(a.municipalityId())))
                .map(a -> Role.valueOf(a.role()))
                .sorted()
                .findFirst();
    }

    /** Whether the caller is this team's resource person (who gives feedback on and approves module answers). */
    public boolean isResourcePersonOf(UnitView team) {
        return assignments.stream().anyMatch(a ->
                a.role().equals(Role.RESOURCE_PERSON.name()) && team.id.equals(a.teamId()));
    }

    /** Whether the caller may read this team's learning cycles, timeline and dashboards. */
    public boolean mayReadTeam(UnitView team) {
        return assignments.stream().anyMatch(a -> switch (Role.valueOf(a.role())) {
            case EDUCATOR, COORDINATOR, RESOURCE_PERSON -> team.id.equals(a.teamId());
            case LEADER -> team.institutionId.equals(a.institutionId());
            case AUDITOR -> team.municipalityId.equals(a.municipalityId());
            case ADMIN -> false;
        });
    }

    /** Whether the caller may read all learning data of this institution (its leaders, the municipality's auditors). */
    public boolean mayReadInstitution(UnitView institution) {
        return assignments.stream().anyMatch(a ->
                (a.role().equals(Role.LEADER.name()) && institution.id.equals(a.institutionId()))
                        || (a.role().equals(Role.AUDITOR.name()) && institution.municipalityId.equals(a.municipalityId())));
    }

    /** Whether the caller may read the whole municipality's learning data and history (its auditors). */
    public boolean isAuditorOf(String municipalityId) {
        return holds(Role.AUDITOR, municipalityId);
    }

    /** Whether the caller may manage this municipality's organisation (its admins, and operators). */
    public boolean mayAdminister(String municipalityId) {
        return operator || holds(Role.ADMIN, municipalityId);
    }

    /** Whether the caller may see this unit in the organisation (names, members): where they hold a role. */
    public boolean maySeeUnit(UnitView unit) {
        if (operator || holds(Role.ADMIN, unit.municipalityId) || holds(Role.AUDITOR, unit.municipalityId)) {
            return true;
        }
        return switch (unit.kind) {
            case MUNICIPALITY -> assignments.stream().anyMatch(a -> unit.id.equals(a.municipalityId()));
            case INSTITUTION -> assignments.stream().anyMatch(a -> unit.id.equals(a.institutionId()));
            case TEAM -> mayReadTeam(unit);
        };
    }

    private boolean holds(Role role, String municipalityId) {
        return assignments.stream().anyMatch(a -> a.role().equals(role.name())
                && a.teamId() == null && a.institutionId() == null && a.municipalityId().equals(municipalityId));
    }

    /** The part of the event history this caller may read (see {@link AuditScope}). */
    public AuditScope auditScope() {
        Set<String> municipalities = new HashSet<>();
        Set<String> institutions = new HashSet<>();
        Set<String> teams = new HashSet<>();
        for (var a : assignments) {
            switch (Role.valueOf(a.role())) {
                case AUDITOR -> {
                    if (isAuditorOf(a.municipalityId())) {
                        municipalities.add(a.municipalityId());
                    }
                }
                case LEADER -> institutions.add(a.institutionId());
                case EDUCATOR, COORDINATOR, RESOURCE_PERSON -> teams.add(a.teamId());
                case ADMIN -> { }
            }
        }
        return new AuditScope(Set.copyOf(municipalities), Set.copyOf(institutions), Set.copyOf(teams));
    }
}
