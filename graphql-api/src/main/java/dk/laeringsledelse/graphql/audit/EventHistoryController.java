package dk.laeringsledelse.graphql.audit;

import dk.laeringsledelse.query.audit.EventHistoryFilter;
import dk.laeringsledelse.query.audit.AuditHistoryReader;
import dk.laeringsledelse.query.audit.AuditEvent;
import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.graphql.access.Caller;
import dk.laeringsledelse.graphql.access.Callers;
import dk.laeringsledelse.query.support.Connection;
import dk.laeringsledelse.query.organisation.OrganisationStore;
import dk.laeringsledelse.query.organisation.UnitView;
import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL {@code Query.eventHistory}. A filter naming a team, institution or municipality the caller may not read is
 * refused (FORBIDDEN, worded the same whether or not it exists); any other request answers only what the caller may
 * see ({@link AuditScope}), so a filter by aggregate, person or type never reveals what lies outside it.
 */
@Controller
public class EventHistoryController {

    private final AuditHistoryReader reader;
    private final Callers callers;
    private final OrganisationStore organisation;

    public EventHistoryController(AuditHistoryReader reader, Callers callers, OrganisationStore organisation) {
        this.reader = reader;
        this.callers = callers;
        this.organisation = organisation;
    }

    @QueryMapping
    public Connection<AuditEvent> eventHistory(@Argument EventHistoryFilter filter, @Argument Integer first,
                                               @Argument String after, GraphQLContext context) {
        Caller caller = callers.of(context);
        EventHistoryFilter f = filter == null ? EventHistoryFilter.NONE : filter;
        if (f.teamId() != null) {
            callers.readableTeam(context, f.teamId(), "filter.teamId");
        }
        if (f.institutionId() != null && organisation.find(UnitView.Kind.INSTITUTION, f.institutionId())
                .filter(caller::mayReadInstitution).isEmpty()) {
            throw RuleViolation.forbidden("filter.institutionId", "you may not read the history of institution "
                    + f.institutionId() + ": only its leaders and the municipality's auditors may");
        }
        if (f.municipalityId() != null && !caller.isAuditorOf(f.municipalityId())) {
            throw RuleViolation.forbidden("filter.municipalityId", "you may not read the history of municipality "
                    + f.municipalityId() + ": only its auditors may");
        }
        return reader.read(f, caller.auditScope(), first, after);
    }
}
