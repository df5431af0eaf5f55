package dk.laeringsledelse.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.laeringsledelse.app.support.ApplicationTest;
import dk.laeringsledelse.app.support.TestApi.TestTeam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Live subscriptions end when access ends, over a real WebSocket (graphql-transport-ws at /graphql): a removed role
 * stops the updates with FORBIDDEN, an expired token ends them with UNAUTHORIZED and refuses anything new on the
 * connection, and a connection holds only so many subscriptions at once.
 */
class LiveSubscriptionAccessIT extends ApplicationTest {

    /** The default of {@code laeringsledelse.subscriptions.max-per-connection}. */
    private static final int MAX_PER_CONNECTION = 20;

    private final List<Disposable> subscriptions = new ArrayList<>();
    private String educator;
    private TestTeam team;
    private String cycleId;
    private String goalId;

    @BeforeEach
    void aTeamWithACycleAndAGoal() {
        educator = unique("edu");
        team = newTeam(educator);
        CycleWithGoal cycle = startCycleWithGoal(educator, team);
        cycleId = cycle.cycleId();
        goalId = cycle.goalId();
    }

    @Test
    void givenASubscriberWhoseRoleWasRemoved_whenTheTeamChanges_thenForbiddenInsteadOfTheUpdate()
            throws InterruptedException {
        String colleague = unique("edu");
        assign(colleague, "EDUCATOR", team);
        BlockingQueue<Object> arrivals = follow(webSocket(api().token(colleague)));
        assertThat(next(arrivals)).as("the progress as it is when subscribing").isEqualTo(0);

        graphQl(OPERATOR).document("mutation($input: RoleAssignmentInput!) { unassignRole(input: $input) "
                        + "{ assignment { role } } }")
                .variable("input", Map.of("personId", colleague, "role", "EDUCATOR", "teamId", team.teamId()))
                .execute().errors().verify();
        documentSign();

        assertEndedWith(next(arrivals), "FORBIDDEN", "your roles changed after you subscribed");
        assertThat(arrivals.poll(1, TimeUnit.SECONDS)).as("nothing after the error").isNull();
    }

    @Test
    void givenAConnectionWhoseTokenExpires_thenItsSubscriptionEndsAndNothingNewIsAccepted()
            throws InterruptedException {
        Map<?, ?> issued = http("/dev/token").build().post()
                .bodyValue(Map.of("personId", educator, "lifetimeSeconds", 3))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        WebSocketGraphQlTester connection = webSocket((String) issued.get("token"));
        BlockingQueue<Object> arrivals = follow(connection);
        assertThat(next(arrivals)).as("the progress as it is when subscribing").isEqualTo(0);

        assertEndedWith(next(arrivals), "UNAUTHORIZED", "your token expired at");

        Flux<?> afterExpiry = connection.documentName("teamProgressChanged").variable("teamId", team.teamId())
                .executeSubscription().toFlux();
        assertThatThrownBy(() -> afterExpiry.blockLast(Duration.ofSeconds(15)))
                .isInstanceOfSatisfying(SubscriptionErrorException.class, error ->
                        assertOneError(error.getErrors(), "UNAUTHORIZED", "your token expired at"));
    }

    @Test
    void givenATokenLifetimeOutsideTheIssuersLimit_thenBadRequestNamingIt() {
        for (Object lifetime : List.of(0, 8 * 3600 + 1, "3")) {
            http("/dev/token").build().post().bodyValue(Map.of("personId", educator, "lifetimeSeconds", lifetime))
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.error").isEqualTo("lifetimeSeconds must be a whole number from 1 to 28800");
        }
    }

    @Test
    void givenAConnectionWithTheMostSubscriptions_whenOneMore_thenRefusedUntilOneEnds() throws InterruptedException {
        WebSocketGraphQlTester connection = webSocket(api().token(educator));
        List<BlockingQueue<Object>> open = new ArrayList<>();
        for (int i = 0; i < MAX_PER_CONNECTION; i++) {
            open.add(follow(connection));
        }
        for (BlockingQueue<Object> arrivals : open) {
            assertThat(next(arrivals)).isEqualTo(0);
        }

        Object refused = next(follow(connection));
        assertEndedWith(refused, "BAD_REQUEST", "at most " + MAX_PER_CONNECTION + " subscriptions may be active");

        subscriptions.get(0).dispose();
        Object afterOneEnded = null;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
             !(afterOneEnded instanceof Integer) && System.nanoTime() < deadline; ) {
            // completing a subscription reaches the server asynchronously: ask again until its slot is free
            afterOneEnded = next(follow(connection));
        }
        assertThat(afterOneEnded).as("a subscription once one has ended").isEqualTo(0);
    }

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(Disposable::dispose);
    }

    /** The team's total of signs as it arrives, or the error that ended the subscription. */
    private BlockingQueue<Object> follow(WebSocketGraphQlTester connection) {
        BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
        subscriptions.add(connection.documentName("teamProgressChanged").variable("teamId", team.teamId())
                .executeSubscription()
                .toFlux("teamProgressChanged.signs.total", Integer.class)
                .subscribe(arrivals::add, arrivals::add));
        return arrivals;
    }

    private static Object next(BlockingQueue<Object> arrivals) throws InterruptedException {
        Object next = arrivals.poll(15, TimeUnit.SECONDS);
        assertThat(next).as("an update or an error within 15 s").isNotNull();
        return next;
    }

    private static void assertEndedWith(Object arrival, String code, String messageStart) {
        assertThat(arrival).isInstanceOfSatisfying(SubscriptionErrorException.class, error ->
                assertOneError(error.getErrors(), code, messageStart));
    }

    private static void assertOneError(List<ResponseError> errors, String code, String messageStart) {
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getExtensions()).containsEntry("code", code);
            assertThat(e.getMessage()).startsWith(messageStart);
        });
    }

    private WebSocketGraphQlTester webSocket(String token) {
        return webSocketWithToken(token);
    }

    private void documentSign() {
        documentSign(educator, new CycleWithGoal(cycleId, goalId));
    }
}
