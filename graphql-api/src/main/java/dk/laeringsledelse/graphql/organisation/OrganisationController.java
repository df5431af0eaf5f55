package dk.laeringsledelse.graphql.organisation;

import dk.laeringsledelse.query.organisation.UnitView;
import dk.laeringsledelse.query.organisation.OrganisationStore;
import dk.laeringsledelse.kernel.organisation.CurriculumThemes;
import dk.laeringsledelse.kernel.organisation.InstitutionKind;
import dk.laeringsledelse.graphql.access.Caller;
import dk.laeringsledelse.graphql.access.Callers;
import dk.laeringsledelse.query.organisation.PersonView.Assignment;
import dk.laeringsledelse.query.organisation.UnitView.Kind;
import graphql.GraphQLContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Reading the organisation. A unit the caller may not see answers null, exactly as an unknown one does, and lists
 * of child units silently leave out what the caller may not see.
 */
@Controller
public class OrganisationController {

    private final OrganisationStore store;
    private final Callers callers;

    public OrganisationController(OrganisationStore store, Callers callers) {
        this.store = store;
        this.callers = callers;
    }

    @QueryMapping
    public Me me(GraphQLContext context) {
        Caller caller = callers.of(context);
        return new Me(caller.personId(), caller.operator(),
                caller.assignments().stream().map(a -> roleAssignment(caller.personId(), a)).toList(),
                readableTeams(caller));
    }

    @QueryMapping
    public UnitView municipality(@Argument String id, GraphQLContext context) {
        return visible(Kind.MUNICIPALITY, id, context);
    }

    @QueryMapping
    public UnitView institution(@Argument String id, GraphQLContext context) {
        return visible(Kind.INSTITUTION, id, context);
    }

    @QueryMapping
    public UnitView team(@Argument String id, GraphQLContext context) {
        return visible(Kind.TEAM, id, context);
    }

    @QueryMapping
    public List<CurriculumThemes.Theme> curriculumThemes(@Argument InstitutionKind kind) {
        return CurriculumThemes.of(kind);
    }

    @SchemaMapping(typeName = "Municipality", field = "institutions")
    public List<UnitView> institutions(UnitView municipality, GraphQLContext context) {
        return visibleChildren(Kind.INSTITUTION, municipality, context);
    }

    @SchemaMapping(typeName = "Institution", field = "teams")
    public List<UnitView> teams(UnitView institution, GraphQLContext context) {
        return visibleChildren(Kind.TEAM, institution, context);
    }

    @SchemaMapping(typeName = "Institution", field = "kind")
    public String kind(UnitView institution) {
        return institution.institutionKind;
    }

    private UnitView visible(Kind kind, String id, GraphQLContext context) {
        Caller caller = callers.of(context);
        return store.find(kind, id).filter(caller::maySeeUnit).orElse(null);
    }

    private List<UnitView> visibleChildren(Kind kind, UnitView parent, GraphQLContext context) {
        Caller caller = callers.of(context);
        return store.findAll(kind, parent.children).stream().filter(caller::maySeeUnit).toList();
    }

    /** The teams named by the caller's roles, and every team of institutions they lead or audit. */
    private List<UnitView> readableTeams(Caller caller) {
        Set<String> teamIds = new LinkedHashSet<>();
        Set<String> institutionIds = new LinkedHashSet<>();
        Set<String> municipalityIds = new LinkedHashSet<>();
        for (Assignment a : caller.assignments()) {
            switch (a.role()) {
                case "EDUCATOR", "COORDINATOR", "RESOURCE_PERSON" -> teamIds.add(a.teamId());
                case "LEADER" -> institutionIds.add(a.institutionId());
                case "AUDITOR" -> municipalityIds.add(a.municipalityId());
                default -> { }
            }
        }
        store.findAll(Kind.MUNICIPALITY, municipalityIds).forEach(m -> institutionIds.addAll(m.children));
        store.findAll(Kind.INSTITUTION, institutionIds).forEach(i -> teamIds.addAll(i.children));
        return store.findAll(Kind.TEAM, teamIds).stream().filter(caller::mayReadTeam).toList();
    }

    private static RoleAssignment roleAssignment(String personId, Assignment a) {
        return new RoleAssignment(personId, a.role(), a.municipalityId(), a.institutionId(), a.teamId());
    }
}
