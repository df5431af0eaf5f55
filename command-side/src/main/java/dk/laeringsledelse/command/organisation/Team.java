package dk.laeringsledelse.command.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dk.laeringsledelse.command.support.Check;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.organisation.AssignTeamRole;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.organisation.MunicipalityId;
import dk.laeringsledelse.kernel.organisation.RegisterTeam;
import dk.laeringsledelse.kernel.organisation.RenameTeam;
import dk.laeringsledelse.kernel.organisation.RetireTeam;
import dk.laeringsledelse.kernel.organisation.Role;
import dk.laeringsledelse.kernel.organisation.TeamRegistered;
import dk.laeringsledelse.kernel.organisation.TeamRenamed;
import dk.laeringsledelse.kernel.organisation.TeamRetired;
import dk.laeringsledelse.kernel.organisation.TeamRoleAssigned;
import dk.laeringsledelse.kernel.organisation.TeamRoleUnassigned;
import dk.laeringsledelse.kernel.organisation.UnassignTeamRole;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;

/**
 * A team (professional learning community) of an institution: its members (educators, coordinators) and the
 * resource persons assigned to it. A team never moves to another institution; its events name both.
 */
@AggregateRoot(type = "Team")
public class Team extends OrganisationUnit {

    static final int CHILD_GROUP_MAX = 200;

    @AggregateIdentifier
    private TeamId teamId;
    private InstitutionId institutionId;
    private MunicipalityId municipalityId;

    public Team() {
    }

    @CommandHandler
    public Team(RegisterTeam command) {
        Check.id("teamId", command.teamId());
        Check.id("institutionId", command.institutionId());
        Check.id("municipalityId", command.municipalityId());
        apply(new TeamRegistered(command.teamId(), command.institutionId(), command.municipalityId(),
                checkName(command.name()), Check.optionalText("childGroup", command.childGroup(), CHILD_GROUP_MAX)));
    }

    @CommandHandler
    public void handle(RenameTeam command) {
        if (renames(command.name())) {
            apply(new TeamRenamed(teamId, institutionId, municipalityId, checkName(command.name())));
        }
    }

    @CommandHandler
    public void handle(RetireTeam command) {
        requireActive();
        apply(new TeamRetired(teamId, institutionId, municipalityId));
    }

    @CommandHandler
    public void handle(AssignTeamRole command) {
        if (assigns(command.personId(), command.role(), Role.Scope.TEAM)) {
            apply(new TeamRoleAssigned(teamId, institutionId, municipalityId, command.personId(), command.role()));
        }
    }

    @CommandHandler
    public void handle(UnassignTeamRole command) {
        unassigns(command.personId(), command.role(), Role.Scope.TEAM);
        apply(new TeamRoleUnassigned(teamId, institutionId, municipalityId, command.personId(), command.role()));
    }

    @Override
    protected String kind() {
        return "team";
    }

    @EventSourcingHandler
    void on(TeamRegistered event) {
        teamId = event.teamId();
        institutionId = event.institutionId();
        municipalityId = event.municipalityId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(TeamRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(TeamRetired event) {
        retired = true;
    }

    @EventSourcingHandler
    void on(TeamRoleAssigned event) {
        roleAssigned(event.personId(), event.role());
    }

    @EventSourcingHandler
    void on(TeamRoleUnassigned event) {
        roleUnassigned(event.personId(), event.role());
    }
}
