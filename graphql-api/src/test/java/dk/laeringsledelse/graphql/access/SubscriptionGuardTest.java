package dk.laeringsledelse.graphql.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

class SubscriptionGuardTest {

    private static final String TWO_OPERATIONS = "query Now { me { personId } } "
            + "subscription Live { teamProgressChanged(teamId: \"t\") { teamId } }";

    @Test
    void givenADocumentWithAQueryAndASubscription_thenTheOperationNameDecides() {
        assertThat(SubscriptionGuard.isSubscription(request(TWO_OPERATIONS, "Live"))).isTrue();
        assertThat(SubscriptionGuard.isSubscription(request(TWO_OPERATIONS, "Now"))).isFalse();
    }

    @Test
    void givenAQueryThatOnlyMentionsTheWord_thenNoSubscription() {
        assertThat(SubscriptionGuard.isSubscription(request("{ team(id: \"subscription\") { id } }", null))).isFalse();
        assertThat(SubscriptionGuard.isSubscription(request("subscription {", null)))
                .as("a syntax error is answered by execution").isFalse();
    }

    @Test
    void givenALimitOutsideOneTo1000_thenTheStartFailsNamingTheSetting() {
        assertThat(new SubscriptionProperties(1).maxPerConnection()).isEqualTo(1);
        for (int limit : new int[] {0, 1001}) {
            assertThatThrownBy(() -> new SubscriptionProperties(limit))
                    .hasMessageStartingWith("laeringsledelse.subscriptions.max-per-connection must be between 1 and 1000");
        }
    }

    private static WebGraphQlRequest request(String document, String operationName) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("operationName", operationName);
        return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), null, Map.of(), body, "1", Locale.ROOT);
    }
}
