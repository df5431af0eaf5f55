package dk.laeringsledelse.graphql.organisation;

import dk.laeringsledelse.query.organisation.UnitView;
import dk.laeringsledelse.query.organisation.OrganisationStore;
import dk.laeringsledelse.query.organisation.FindUnit;
import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.organisation.AssignInstitutionRole;
import dk.laeringsledelse.kernel.organisation.AssignMunicipalRole;
import dk.laeringsledelse.kernel.organisation.AssignTeamRole;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.organisation.InstitutionKind;
import dk.laeringsledelse.kernel.organisation.MunicipalityId;
import dk.laeringsledelse.kernel.organisation.PersonId;
import dk.laeringsledelse.kernel.organisation.RegisterInstitution;
import dk.laeringsledelse.kernel.organisation.RegisterMunicipality;
import dk.laeringsledelse.kernel.organisation.RegisterTeam;
import dk.laeringsledelse.kernel.organisation.RenameInstitution;
import dk.laeringsledelse.kernel.organisation.RenameMunicipality;
import dk.laeringsledelse.kernel.organisation.RenameTeam;
import dk.laeringsledelse.kernel.organisation.RetireInstitution;
import dk.laeringsledelse.kernel.organisation.RetireMunicipality;
import dk.laeringsledelse.kernel.organisation.RetireTeam;
import dk.laeringsledelse.kernel.organisation.Role;
import dk.laeringsledelse.kernel.organisation.UnassignInstitutionRole;
import dk.laeringsledelse.kernel.organisation.UnassignMunicipalRole;
import dk.laeringsledelse.kernel.organisation.UnassignTeamRole;
import dk.laeringsledelse.graphql.access.Caller;
import dk.laeringsledelse.graphql.access.Callers;
import dk.laeringsledelse.graphql.support.CommandDispatcher;
import dk.laeringsledelse.graphql.organisation.OrganisationInputs.*;
import dk.laeringsledelse.query.organisation.UnitView.Kind;
import graphql.GraphQLContext;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Managing the organisation: operators register municipalities; a municipality's admins register and retire its
 * institutions and teams and assign roles in it. That a parent unit exists and is active is checked here, against
 * the read model, because it is another aggregate's state.
 */
@Controller
public class OrganisationMutations {

    private final CommandDispatcher dispatcher;
    private final OrganisationStore store;
    private final Callers callers;

    public OrganisationMutations(CommandDispatcher dispatcher, OrganisationStore store, Callers callers) {
        this.dispatcher = dispatcher;
        this.store = store;
        this.callers = callers;
    }

    @MutationMapping
    public MunicipalityPayload registerMunicipality(@Argument RegisterMunicipalityInput input, GraphQLContext context) {
        Caller caller = callers.of(context);
        if (!caller.operator()) {
            throw RuleViolation.forbidden("name", "you may not register municipalities: only operators may");
        }
        String id = newUnitId(Kind.MUNICIPALITY, input.id());
        return MunicipalityPayload.of(send(new RegisterMunicipality(new MunicipalityId(id), input.name()),
                Kind.MUNICIPALITY, id, caller));
    }

    @MutationMapping
    public MunicipalityPayload renameMunicipality(@Argument RenameUnitInput input, GraphQLContext context) {
        Caller caller = administering(context, municipalityOf(Kind.MUNICIPALITY, input.id()), "rename", "id");
        return MunicipalityPayload.of(send(new RenameMunicipality(new MunicipalityId(input.id()), input.name()),
                Kind.MUNICIPALITY, input.id(), caller));
    }

    @MutationMapping
    public MunicipalityPayload retireMunicipality(@Argument RetireUnitInput input, GraphQLContext context) {
        Caller caller = callers.of(context);
        if (!caller.operator()) {
            throw RuleViolation.forbidden("id", "you may not retire municipalities: only operators may");
        }
        existing(Kind.MUNICIPALITY, input.id(), "id");
        return MunicipalityPayload.of(send(new RetireMunicipality(new MunicipalityId(input.id())),
                Kind.MUNICIPALITY, input.id(), caller));
    }

    @MutationMapping
    public InstitutionPayload registerInstitution(@Argument RegisterInstitutionInput input, GraphQLContext context) {
        Caller caller = administering(context, input.municipalityId(), "register institutions in", "municipalityId");
        active(Kind.MUNICIPALITY, input.municipalityId(), "municipalityId");
        String id = newUnitId(Kind.INSTITUTION, input.id());
        return InstitutionPayload.of(send(new RegisterInstitution(new InstitutionId(id),
                new MunicipalityId(input.municipalityId()), input.name(), InstitutionKind.valueOf(input.kind())),
                Kind.INSTITUTION, id, caller));
    }

    @MutationMapping
    public InstitutionPayload renameInstitution(@Argument RenameUnitInput input, GraphQLContext context) {
        Caller caller = administering(context, municipalityOf(Kind.INSTITUTION, input.id()), "rename", "id");
        return InstitutionPayload.of(send(new RenameInstitution(new InstitutionId(input.id()), input.name()),
                Kind.INSTITUTION, input.id(), caller));
    }

    @MutationMapping
    public InstitutionPayload retireInstitution(@Argument RetireUnitInput input, GraphQLContext context) {
        Caller caller = administering(context, municipalityOf(Kind.INSTITUTION, input.id()), "retire", "id");
        return InstitutionPayload.of(send(new RetireInstitution(new InstitutionId(input.id())),
                Kind.INSTITUTION, input.id(), caller));
    }

    @MutationMapping
    public TeamPayload registerTeam(@Argument RegisterTeamInput input, GraphQLContext context) {
        String municipalityId = municipalityOf(Kind.INSTITUTION, input.institutionId());
        Caller caller = administering(context, municipalityId, "register teams in", "institutionId");
        active(Kind.INSTITUTION, input.institutionId(), "institutionId");
        String id = newUnitId(Kind.TEAM, input.id());
        return TeamPayload.of(send(new RegisterTeam(new TeamId(id), new InstitutionId(input.institutionId()),
                new MunicipalityId(municipalityId), input.name(), input.childGroup()), Kind.TEAM, id, caller));
    }

    @MutationMapping
    public TeamPayload renameTeam(@Argument RenameUnitInput input, GraphQLContext context) {
        Caller caller = administering(context, municipalityOf(Kind.TEAM, input.id()), "rename", "id");
        return TeamPayload.of(send(new RenameTeam(new TeamId(input.id()), input.name()),
                Kind.TEAM, input.id(), caller));
    }

    @MutationMapping
    public TeamPayload retireTeam(@Argument RetireUnitInput input, GraphQLContext context) {
        Caller caller = administering(context, municipalityOf(Kind.TEAM, input.id()), "retire", "id");
        return TeamPayload.of(send(new RetireTeam(new TeamId(input.id())), Kind.TEAM, input.id(), caller));
    }

    @MutationMapping
    public RoleAssignmentPayload assignRole(@Argument RoleAssignmentInput input, GraphQLContext context) {
        return assignment(input, context, true);
    }

    @MutationMapping
    public RoleAssignmentPayload unassignRole(@Argument RoleAssignmentInput input, GraphQLContext context) {
        return assignment(input, context, false);
    }

    /** The role decides the unit: a team role needs teamId, LEADER institutionId, AUDITOR/ADMIN municipalityId. */
    private RoleAssignmentPayload assignment(RoleAssignmentInput input, GraphQLContext context, boolean assign) {
        Role role = Role.valueOf(input.role());
        PersonId person = new PersonId(input.personId());
        Kind kind = switch (role.scope()) {
            case TEAM -> Kind.TEAM;
            case INSTITUTION -> Kind.INSTITUTION;
            case MUNICIPALITY -> Kind.MUNICIPALITY;
        };
        String field = switch (kind) {
            case TEAM -> "teamId";
            case INSTITUTION -> "institutionId";
            case MUNICIPALITY -> "municipalityId";
        };
        String unitId = switch (kind) {
            case TEAM -> input.teamId();
            case INSTITUTION -> input.institutionId();
            case MUNICIPALITY -> input.municipalityId();
        };
        if (unitId == null) {
            throw RuleViolation.badRequest(field, field + " must be given for the role " + role);
        }
        Caller caller = administering(context, municipalityOf(kind, unitId), "assign roles in", field);
        Object command = switch (kind) {
            case TEAM -> assign ? new AssignTeamRole(new TeamId(unitId), person, role)
                    : new UnassignTeamRole(new TeamId(unitId), person, role);
            case INSTITUTION -> assign ? new AssignInstitutionRole(new InstitutionId(unitId), person, role)
                    : new UnassignInstitutionRole(new InstitutionId(unitId), person, role);
            case MUNICIPALITY -> assign ? new AssignMunicipalRole(new MunicipalityId(unitId), person, role)
                    : new UnassignMunicipalRole(new MunicipalityId(unitId), person, role);
        };
        UnitView unit = send(command, kind, unitId, caller);
        return new RoleAssignmentPayload(new RoleAssignment(input.personId(), role.name(), unit.municipalityId,
                kind == Kind.TEAM ? unit.institutionId : kind == Kind.INSTITUTION ? unitId : null,
                kind == Kind.TEAM ? unitId : null));
    }

    private UnitView send(Object command, Kind kind, String id, Caller caller) {
        return dispatcher.send(command, caller.personId(), caller.operator() ? "OPERATOR" : Role.ADMIN.name(), null,
                new FindUnit(kind, id), UnitView.class, unit -> unit.version,
                query -> store.find(kind, id).orElse(null)).view();
    }

    /**
     * The municipality a unit belongs to. An unknown unit is refused like someone else's, so that callers learn
     * nothing about units outside their municipality.
     */
    private String municipalityOf(Kind kind, String id) {
        return store.find(kind, id).map(unit -> unit.municipalityId).orElse(null);
    }

    private Caller administering(GraphQLContext context, String municipalityId, String what, String field) {
        Caller caller = callers.of(context);
        if (municipalityId == null || !caller.mayAdminister(municipalityId)) {
            throw RuleViolation.forbidden(field, "you may not " + what + " this " + unitName(field)
                    + ": only its municipality's admins may");
        }
        return caller;
    }

    private UnitView existing(Kind kind, String id, String field) {
        return store.find(kind, id).orElseThrow(() -> RuleViolation.notFound(field,
                "no " + kind.name().toLowerCase() + " has the id " + id));
    }

    private void active(Kind kind, String id, String field) {
        if (!existing(kind, id, field).isActive()) {
            throw RuleViolation.conflict(field, "the " + kind.name().toLowerCase() + " " + id + " is retired");
        }
    }

    private static String unitName(String field) {
        return switch (field) {
            case "teamId" -> "team";
            case "institutionId" -> "institution";
            case "municipalityId" -> "municipality";
            default -> "unit";
        };
    }

    /** A given id must be new; without one, a random id is made. */
    private String newUnitId(Kind kind, String id) {
        if (id == null) {
            return UUID.randomUUID().toString();
        }
        if (store.find(kind, id).isPresent()) {
            throw RuleViolation.conflict("id", "a " + kind.name().toLowerCase() + " with the id " + id
                    + " is already registered");
        }
        return id;
    }
}
