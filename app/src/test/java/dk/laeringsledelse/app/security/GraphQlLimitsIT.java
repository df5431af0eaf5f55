package dk.laeringsledelse.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.app.support.ApplicationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;

/** One request cannot exhaust the service: too deep, too expensive or too large is refused with a clear error. */
class GraphQlLimitsIT extends ApplicationTest {

    @Test
    void aQueryDeeperThanTwelveLevelsIsRefused() {
        String deep = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType "
                + "{ ofType { ofType { name } } } } } } } } } } } } }";
        ResponseError error = singleError(deep);
        assertThat(error.getMessage()).contains("maximum query depth exceeded");
        assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST");
    }

    @Test
    void aQueryOfMoreThanAThousandFieldsIsRefused() {
        String expensive = IntStream.range(0, 1001).mapToObj(i -> "v" + i + ": version")
                .collect(Collectors.joining(" ", "{ ", " }"));
        ResponseError error = singleError(expensive);
        assertThat(error.getMessage()).contains("maximum query complexity exceeded");
        assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST");
    }

    @Test
    void aRequestOverTheSizeLimitIsRefusedBeforeItIsRead() {
        String huge = "{ version } #" + "x".repeat(300_000);
        http("/graphql").defaultHeader("Authorization", "Bearer " + api().token("pia")).build()
                .post().bodyValue(Map.of("query", huge))
                .exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST");
    }

    @Test
    void aQueryWithinTheLimitsIsAnswered() {
        graphQl("pia").document("{ version me { personId } }").execute().errors().verify()
                .path("me.personId").entity(String.class).isEqualTo("pia");
    }

    private ResponseError singleError(String document) {
        List<ResponseError> errors = new ArrayList<>();
        graphQl("pia").document(document).execute().errors().satisfy(errors::addAll);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }
}
