package dk.laeringsledelse.graphql.access;

import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.graphql.support.ApiProperties;
import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.query.organisation.UnitView;
import dk.laeringsledelse.query.organisation.OrganisationStore;
import graphql.GraphQLContext;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Who is calling: the authenticated person id that the application's authentication put into the GraphQL context
 * (key {@link MetaDataKeys#ACTOR}), with their current roles, read once per request by {@code _id}.
 */
@Component
public class Callers {

    private static final String CALLER = Caller.class.getName();

    private final OrganisationStore organisation;
    private final Set<String> operators;

    @Autowired
    public Callers(OrganisationStore organisation, ApiProperties properties) {
        this(organisation, properties.security().operators());
    }

    public Callers(OrganisationStore organisation, Set<String> operators) {
        this.organisation = organisation;
        this.operators = operators;
    }

    public Caller of(GraphQLContext context) {
        Caller cached = context.get(CALLER);
        if (cached != null) {
            return cached;
        }
        String personId = context.get(MetaDataKeys.ACTOR);
        if (personId == null) {
            // the authentication interceptor refuses unauthenticated requests before any data fetcher runs
            throw new IllegalStateException("no authenticated person in the GraphQL context");
        }
        Caller caller = of(personId);
        context.put(CALLER, caller);
        return caller;
    }

    /** The person with their current roles, for requests outside GraphQL (e.g. the audit export). */
    public Caller of(String personId) {
        return new Caller(personId, organisation.person(personId).assignments(), operators.contains(personId));
    }

    /** Whether the caller may read this team's learning data; false for an unknown team. */
    public boolean mayReadTeam(GraphQLContext context, String teamId) {
        return organisation.team(teamId).filter(of(context)::mayReadTeam).isPresent();
    }

    /**
     * The team, if the caller may read its learning data; otherwise FORBIDDEN, worded the same whether or not the
     * team exists.
     */
    public UnitView readableTeam(GraphQLContext context, String teamId, String field) {
        return organisation.team(teamId).filter(of(context)::mayReadTeam).orElseThrow(() ->
                RuleViolation.forbidden(field, "you may not read team " + teamId
                        + ": only its members, resource persons, leaders and the municipality's auditors may"));
    }
}
