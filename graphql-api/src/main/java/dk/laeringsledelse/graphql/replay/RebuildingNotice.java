package dk.laeringsledelse.graphql.replay;

import dk.laeringsledelse.query.replay.ProjectionRebuild;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * While the projections are being rebuilt, every GraphQL response carries {@code extensions.rebuilding} with the
 * progress, so that a dashboard can tell its figures are incomplete instead of silently showing too little.
 */
@Component
public class RebuildingNotice implements WebGraphQlInterceptor {

    private final ProjectionRebuild rebuild;

    public RebuildingNotice(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Override
    public reactor.core.publisher.Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            ProjectionRebuild.Status status = rebuild.status();
            if (!status.running()) {
                return response;
            }
            Map<String, Object> notice = new LinkedHashMap<>();
            notice.put("message", "the read models are being rebuilt from the events; figures may be incomplete");
            notice.put("processed", status.processed());
            notice.put("total", status.total());
            return response.transform(builder -> builder.extensions(Map.of("rebuilding", notice)));
        });
    }
}
