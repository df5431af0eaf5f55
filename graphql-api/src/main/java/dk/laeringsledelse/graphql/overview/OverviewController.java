package dk.laeringsledelse.graphql.overview;

import dk.laeringsledelse.query.overview.MunicipalityOverview;
import dk.laeringsledelse.query.overview.Overviews;
import dk.laeringsledelse.query.overview.InstitutionOverview;
import dk.laeringsledelse.query.summary.FindInstitutionOverview;
import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.graphql.access.Callers;
import dk.laeringsledelse.query.organisation.OrganisationStore;
import dk.laeringsledelse.query.organisation.UnitView;
import graphql.GraphQLContext;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The institution's overview (its leaders and the municipality's auditors) and the municipality's (its auditors).
 * Refusals are worded the same whether or not the institution or municipality exists.
 */
@Controller
public class OverviewController {

    private final Overviews overviews;
    private final OrganisationStore organisation;
    private final Callers callers;
    private final QueryGateway queries;

    public OverviewController(Overviews overviews, OrganisationStore organisation, Callers callers,
                              QueryGateway queries) {
        this.overviews = overviews;
        this.organisation = organisation;
        this.callers = callers;
        this.queries = queries;
    }

    @QueryMapping
    public InstitutionOverview institutionOverview(@Argument String institutionId, @Argument int quietDays,
                                                   GraphQLContext context) {
        return overviews.institution(readableInstitution(institutionId, context), quietDays(quietDays));
    }

    /** The overview now, then again after every change to one of its teams or its measurements. */
    @SubscriptionMapping
    public Flux<InstitutionOverview> institutionOverviewChanged(@Argument String institutionId,
                                                                @Argument int quietDays, GraphQLContext context) {
        UnitView institution = readableInstitution(institutionId, context);
        SubscriptionQueryResult<InstitutionOverview, String> result = queries.subscriptionQuery(
                new FindInstitutionOverview(institutionId, quietDays(quietDays)),
                ResponseTypes.instanceOf(InstitutionOverview.class), ResponseTypes.instanceOf(String.class));
        return Flux.concat(result.initialResult(), result.updates()
                        // off the projection's thread, which emitted the signal
                        .publishOn(Schedulers.boundedElastic())
                        .map(changed -> overviews.institution(institution, quietDays(quietDays))))
                .doFinally(signal -> result.cancel());
    }

    @QueryMapping
    public MunicipalityOverview municipalityOverview(@Argument String municipalityId, @Argument int quietDays,
                                                     GraphQLContext context) {
        UnitView municipality = organisation.find(UnitView.Kind.MUNICIPALITY, municipalityId)
                .filter(m -> callers.of(context).isAuditorOf(m.id))
                .orElseThrow(() -> RuleViolation.forbidden("municipalityId", "you may not read the overview of "
                        + "municipality " + municipalityId + ": only its auditors may"));
        return overviews.municipality(municipality, quietDays(quietDays));
    }

    private UnitView readableInstitution(String institutionId, GraphQLContext context) {
        return organisation.find(UnitView.Kind.INSTITUTION, institutionId)
                .filter(callers.of(context)::mayReadInstitution)
                .orElseThrow(() -> RuleViolation.forbidden("institutionId", "you may not read the overview of "
                        + "institution " + institutionId + ": only its leaders and the municipality's auditors may"));
    }

    private static int quietDays(int days) {
        if (days < 1 || days > 366) {
            throw RuleViolation.badRequest("quietDays", "quietDays must be between 1 and 366");
        }
        return days;
    }
}
