package dk.laeringsledelse.app.dashboard;

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
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Live dashboards over a real WebSocket (graphql-transport-ws at /graphql), authenticated as a browser must be: the
 * bearer token in the connection_init payload.
 */
class LiveDashboardIT extends ApplicationTest {

    private static final Duration WITHIN = Duration.ofSeconds(1);

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
    void aNewlyDocumentedSignAppearsInTheTeamsLiveProgressWithinASecond() throws InterruptedException {
        BlockingQueue<Arrival> totals = new LinkedBlockingQueue<>();
        subscriptions.add(webSocket(educator).documentName("teamProgressChanged")
                .variable("teamId", team.teamId()).executeSubscription()
                .toFlux("teamProgressChanged.signs.total", Integer.class)
                .subscribe(total -> totals.add(new Arrival(total, System.nanoTime()))));

        assertThat(next(totals).value()).as("the progress as it is when subscribing").isZero();
        long sentAt = System.nanoTime();
        documentSign();
        Arrival update = next(totals);
        assertThat(update.value()).isEqualTo(1);
        assertThat(Duration.ofNanos(update.at() - sentAt)).isLessThan(WITHIN);
    }

    @Test
    void aLeadersInstitutionOverviewFollowsItsTeamsLive() throws InterruptedException {
        String leader = unique("leader");
        assign(leader, "LEADER", team);
        BlockingQueue<Integer> signs = new LinkedBlockingQueue<>();
        subscriptions.add(webSocket(leader).documentName("institutionOverviewChanged")
                .variable("institutionId", team.institutionId()).executeSubscription()
                .toFlux("institutionOverviewChanged.figures.signs", Integer.class)
                .subscribe(signs::add));

        assertThat(next(signs)).isZero();
        documentSign();
        assertThat(next(signs)).isEqualTo(1);
    }

    @Test
    void aResourcePersonsQueueShowsANewAssessmentLive() throws InterruptedException {
        String resourcePerson = unique("rp");
        assign(resourcePerson, "RESOURCE_PERSON", team);
        BlockingQueue<Integer> items = new LinkedBlockingQueue<>();
        subscriptions.add(webSocket(resourcePerson).documentName("feedbackQueueChanged")
                .variable("resourcePersonId", resourcePerson).executeSubscription()
                .toFlux("feedbackQueueChanged.items", List.class)
                .subscribe(list -> items.add(list.size())));

        assertThat(next(items)).isZero();
        graphQl(educator).document("mutation($i: AssessGoalAttainmentInput!) { assessGoalAttainment(input: $i) "
                        + "{ assessmentId } }").variable("i", Map.of("cycleId", cycleId, "goalId", goalId,
                        "attainment", "PARTLY", "rationale", "Nogle af børnene", "signIds", List.of()))
                .execute().errors().verify();
        assertThat(next(items)).isEqualTo(1);
    }

    @Test
    void aCallerWhoMayNotReadTheTeamIsRefusedWithForbidden() {
        String stranger = unique("edu");
        newTeam(stranger);
        for (String teamId : List.of(team.teamId(), "no-such-team")) {
            Flux<?> refused = webSocket(stranger).documentName("teamProgressChanged").variable("teamId", teamId)
                    .executeSubscription().toFlux();
            assertThatThrownBy(() -> refused.blockLast(Duration.ofSeconds(15)))
                    .isInstanceOfSatisfying(SubscriptionErrorException.class, error ->
                            assertThat(error.getErrors()).singleElement().satisfies(e -> {
                                assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN");
                                assertThat(e.getMessage()).startsWith("you may not read team " + teamId);
                            }));
        }
    }

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(Disposable::dispose);
    }

    private static <T> T next(BlockingQueue<T> arrivals) throws InterruptedException {
        T next = arrivals.poll(15, TimeUnit.SECONDS);
        assertThat(next).as("an update within 15 s").isNotNull();
        return next;
    }

    private record Arrival(int value, long at) {
    }

    private WebSocketGraphQlTester webSocket(String personId) {
        return webSocketWithToken(api().token(personId));
    }

    private void documentSign() {
        documentSign(educator, new CycleWithGoal(cycleId, goalId));
    }
}
