package dk.laeringsledelse.query.graphql;

import dk.laeringsledelse.kernel.MetaDataKeys;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who is acting, for the metadata of every event a request causes. Until authentication lands this is the
 * {@code X-Actor} request header (HTTP, or the WebSocket handshake), {@code anonymous} when absent.
 */
@Component
public class ActorInterceptor implements WebGraphQlInterceptor {

    public static final String HEADER = "X-Actor";
    public static final String ANONYMOUS = "anonymous";
    private static final Pattern ACCEPTABLE = Pattern.compile("[\\p{L}\\p{N}._@:+-]{1,100}");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String header = request.getHeaders().getFirst(HEADER);
        // an unusable header is not an identity: record the request as anonymous rather than store junk
        String actor = header != null && ACCEPTABLE.matcher(header).matches() ? header : ANONYMOUS;
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(MetaDataKeys.ACTOR, actor)).build());
        return chain.next(request);
    }
}
