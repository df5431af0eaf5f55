package dk.laeringsledelse.command.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dk.laeringsledelse.command.support.Check;
import dk.laeringsledelse.kernel.organisation.AssignMunicipalRole;
import dk.laeringsledelse.kernel.organisation.MunicipalRoleAssigned;
import dk.laeringsledelse.kernel.organisation.MunicipalRoleUnassigned;
import dk.laeringsledelse.kernel.organisation.MunicipalityId;
import dk.laeringsledelse.kernel.organisation.MunicipalityRegistered;
import dk.laeringsledelse.kernel.organisation.MunicipalityRenamed;
import dk.laeringsledelse.kernel.organisation.MunicipalityRetired;
import dk.laeringsledelse.kernel.organisation.RegisterMunicipality;
import dk.laeringsledelse.kernel.organisation.RenameMunicipality;
import dk.laeringsledelse.kernel.organisation.RetireMunicipality;
import dk.laeringsledelse.kernel.organisation.Role;
import dk.laeringsledelse.kernel.organisation.UnassignMunicipalRole;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;

/** A municipality (kommune): its name and who audits and administers it. */
@AggregateRoot(type = "Municipality")
public class Municipality extends OrganisationUnit {

    @AggregateIdentifier
    private MunicipalityId municipalityId;

    public Municipality() {
    }

    @CommandHandler
    public Municipality(RegisterMunicipality command) {
        Check.id("municipalityId", command.municipalityId());
        apply(new MunicipalityRegistered(command.municipalityId(), checkName(command.name())));
    }

    @CommandHandler
    public void handle(RenameMunicipality command) {
        if (renames(command.name())) {
            apply(new MunicipalityRenamed(municipalityId, checkName(command.name())));
        }
    }

    @CommandHandler
    public void handle(RetireMunicipality command) {
        requireActive();
        apply(new MunicipalityRetired(municipalityId));
    }

    @CommandHandler
    public void handle(AssignMunicipalRole command) {
        if (assigns(command.personId(), command.role(), Role.Scope.MUNICIPALITY)) {
            apply(new MunicipalRoleAssigned(municipalityId, command.personId(), command.role()));
        }
    }

    @CommandHandler
    public void handle(UnassignMunicipalRole command) {
        unassigns(command.personId(), command.role(), Role.Scope.MUNICIPALITY);
        apply(new MunicipalRoleUnassigned(municipalityId, command.personId(), command.role()));
    }

    @Override
    protected String kind() {
        return "municipality";
    }

    @EventSourcingHandler
    void on(MunicipalityRegistered event) {
        municipalityId = event.municipalityId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(MunicipalityRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(MunicipalityRetired event) {
        retired = true;
    }

    @EventSourcingHandler
    void on(MunicipalRoleAssigned event) {
        roleAssigned(event.personId(), event.role());
    }

    @EventSourcingHandler
    void on(MunicipalRoleUnassigned event) {
        roleUnassigned(event.personId(), event.role());
    }
}
