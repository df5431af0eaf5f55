package dk.laeringsledelse.command.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dk.laeringsledelse.command.support.Check;
import dk.laeringsledelse.kernel.organisation.AssignInstitutionRole;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.organisation.InstitutionRegistered;
import dk.laeringsledelse.kernel.organisation.InstitutionRenamed;
import dk.laeringsledelse.kernel.organisation.InstitutionRetired;
import dk.laeringsledelse.kernel.organisation.InstitutionRoleAssigned;
import dk.laeringsledelse.kernel.organisation.InstitutionRoleUnassigned;
import dk.laeringsledelse.kernel.organisation.MunicipalityId;
import dk.laeringsledelse.kernel.organisation.RegisterInstitution;
import dk.laeringsledelse.kernel.organisation.RenameInstitution;
import dk.laeringsledelse.kernel.organisation.RetireInstitution;
import dk.laeringsledelse.kernel.organisation.Role;
import dk.laeringsledelse.kernel.organisation.UnassignInstitutionRole;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;

/**
 * A day-care institution or school in a municipality, and who leads it. That the municipality exists and is active
 * is checked by the application before it registers (another aggregate's state).
 */
@AggregateRoot(type = "Institution")
public class Institution extends OrganisationUnit {

    @AggregateIdentifier
    private InstitutionId institutionId;
    private MunicipalityId municipalityId;

    public Institution() {
    }

    @CommandHandler
    public Institution(RegisterInstitution command) {
        Check.id("institutionId", command.institutionId());
        Check.id("municipalityId", command.municipalityId());
        Check.required("kind", command.kind());
        apply(new InstitutionRegistered(command.institutionId(), command.municipalityId(),
                checkName(command.name()), command.kind()));
    }

    @CommandHandler
    public void handle(RenameInstitution command) {
        if (renames(command.name())) {
            apply(new InstitutionRenamed(institutionId, municipalityId, checkName(command.name())));
        }
    }

    @CommandHandler
    public void handle(RetireInstitution command) {
        requireActive();
        apply(new InstitutionRetired(institutionId, municipalityId));
    }

    @CommandHandler
    public void handle(AssignInstitutionRole command) {
        if (assigns(command.personId(), command.role(), Role.Scope.INSTITUTION)) {
            apply(new InstitutionRoleAssigned(institutionId, municipalityId, command.personId(), command.role()));
        }
    }

    @CommandHandler
    public void handle(UnassignInstitutionRole command) {
        unassigns(command.personId(), command.role(), Role.Scope.INSTITUTION);
        apply(new InstitutionRoleUnassigned(institutionId, municipalityId, command.personId(), command.role()));
    }

    @Override
    protected String kind() {
        return "institution";
    }

    @EventSourcingHandler
    void on(InstitutionRegistered event) {
        institutionId = event.institutionId();
        municipalityId = event.municipalityId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(InstitutionRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(InstitutionRetired event) {
        retired = true;
    }

    @EventSourcingHandler
    void on(InstitutionRoleAssigned event) {
        roleAssigned(event.personId(), event.role());
    }

    @EventSourcingHandler
    void on(InstitutionRoleUnassigned event) {
        roleUnassigned(event.personId(), event.role());
    }
}
