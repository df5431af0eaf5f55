package dk.laeringsledelse.query.feedbackqueue;

import static dk.laeringsledelse.query.DashboardEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import dk.laeringsledelse.kernel.cycle.Attainment;
import dk.laeringsledelse.kernel.cycle.AssessmentId;
import dk.laeringsledelse.kernel.cycle.FeedbackAbout;
import dk.laeringsledelse.kernel.cycle.LearningCycleEvent;
import dk.laeringsledelse.kernel.module.ModuleAnswerEvent;
import dk.laeringsledelse.query.feedbackqueue.PendingFeedback.Kind;
import dk.laeringsledelse.query.organisation.OrganisationStore;
import dk.laeringsledelse.query.support.ProcessorBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events in, documents out: what waits for a resource person in a team, and how long the person took. */
class FeedbackQueueProjectionTest {

    private MongoDatabase database;
    private FeedbackQueueStore store;
    private FeedbackQueueProjection projection;

    @BeforeEach
    void freshStore() {
        database = TestMongo.freshDatabase();
        store = new FeedbackQueueStore(database);
        projection = new FeedbackQueueProjection(store, new OrganisationStore(database),
                SimpleQueryUpdateEmitter.builder().build());
    }

    @Test
    void givenAnAssessmentAndASubmittedAnswer_thenBothWaitWithTheirWaitingStart() {
        handle(List.of(
                cycle(0, started(), T0, "pia"),
                cycle(1, goalSet(GOAL), T0, "pia"),
                cycle(2, assessed("a1", GOAL, Attainment.PARTLY), T0, "pia"),
                module(0, submitted(1), HOUR, "pia")));

        assertThat(items()).extracting(PendingFeedback.Item::kind, PendingFeedback.Item::key,
                        PendingFeedback.Item::since)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.ASSESSMENT, "a1", T0),
                        org.assertj.core.groups.Tuple.tuple(Kind.MODULE_ANSWER, ANSWER.value(), HOUR));
    }

    @Test
    void givenAReassessmentAndAResubmission_thenOneItemEachWaitingSinceTheFirst() {
        handle(List.of(
                cycle(0, started(), T0, "pia"),
                cycle(1, goalSet(GOAL), T0, "pia"),
                cycle(2, assessed("a1", GOAL, Attainment.NOT_YET), T0, "pia"),
                cycle(3, assessed("a2", GOAL, Attainment.PARTLY), HOUR, "pia"),
                module(0, submitted(1), T0, "pia"),
                module(1, submitted(2), HOUR, "pia")));

        assertThat(items()).extracting(PendingFeedback.Item::key, PendingFeedback.Item::since)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a2", T0),
                        org.assertj.core.groups.Tuple.tuple(ANSWER.value(), T0));
        assertThat(items().get(1).version()).isEqualTo(2);
    }

    @Test
    void givenFeedbackByTheResourcePerson_thenTheItemsAreAnsweredAndTheResponseTimesKept() {
        handle(List.of(
                cycle(0, started(), T0, "pia"),
                cycle(1, goalSet(GOAL), T0, "pia"),
                cycle(2, assessed("a1", GOAL, Attainment.PARTLY), T0, "pia"),
                cycle(3, feedback("f1", FeedbackAbout.assessment(AssessmentId.of("a1"))), T0.plusSeconds(2 * 3600),
                        "ole"),
                module(0, submitted(1), T0, "pia"),
                module(1, moduleFeedback("mf1", 1), T0.plusSeconds(4 * 3600), "ole")));

        assertThat(items()).isEmpty();
        assertThat(store.responseTimes("ole")).containsExactlyInAnyOrder(Duration.ofHours(2), Duration.ofHours(4));
    }

    @Test
    void givenTheCycleCompleted_thenItsAssessmentsNoLongerWait() {
        handle(List.of(
                cycle(0, started(), T0, "pia"),
                cycle(1, goalSet(GOAL), T0, "pia"),
                cycle(2, assessed("a1", GOAL, Attainment.ACHIEVED), T0, "pia"),
                cycle(3, completed(), HOUR, "pia")));

        assertThat(items()).isEmpty();
        assertThat(store.responseTimes("ole")).isEmpty();
    }

    @Test
    void theSameEventsTwiceGiveIdenticalDocuments() {
        List<DomainEventMessage<?>> events = assessedAnsweredAndSubmitted();
        handle(events);
        List<Document> once = documents();

        handle(events);
        assertThat(documents()).isEqualTo(once);
    }

    @Test
    void aBatchWritesTheTeamsQueueOnceAndThePersonsResponsesInOneAtomicUpdate_asEventByEventWould() {
        List<DomainEventMessage<?>> events = new ArrayList<>(assessedAnsweredAndSubmitted());
        events.addAll(List.of(
                cycle(4, assessed("a2", GOAL, Attainment.ACHIEVED), HOUR, "pia"),
                module(1, moduleFeedback("mf1", 1), HOUR, "ole"),
                module(2, submitted(2), HOUR, "pia")));

        Map<String, Integer> writes = ProcessorBatch.sameAsEventByEvent(events, db -> {
            var batched = new FeedbackQueueProjection(new FeedbackQueueStore(db), new OrganisationStore(db),
                    SimpleQueryUpdateEmitter.builder().build());
            return event -> handle(batched, event);
        }, "team_feedback_pending", "resource_person_stats");

        // ole's responses (shared by the teams ole serves) stay an $addToSet: one for the batch's two responses
        assertThat(writes).isEqualTo(Map.of("team_feedback_pending", 1, "resource_person_stats", 1));
    }

    /** An assessment that ole's feedback answers, and a submitted module answer. */
    private static List<DomainEventMessage<?>> assessedAnsweredAndSubmitted() {
        return List.of(
                cycle(0, started(), T0, "pia"),
                cycle(1, goalSet(GOAL), T0, "pia"),
                cycle(2, assessed("a1", GOAL, Attainment.PARTLY), T0, "pia"),
                cycle(3, feedback("f1", FeedbackAbout.goal(GOAL)), HOUR, "ole"),
                module(0, submitted(1), T0, "pia"));
    }

    private List<PendingFeedback.Item> items() {
        return store.find(TEAM.value()).orElseThrow().items;
    }

    private void handle(List<DomainEventMessage<?>> events) {
        events.forEach(event -> handle(projection, event));
    }

    private static void handle(FeedbackQueueProjection projection, DomainEventMessage<?> event) {
        if (event.getPayload() instanceof LearningCycleEvent cycleEvent) {
            projection.on(cycleEvent, event, event.getSequenceNumber());
        } else {
            projection.on((ModuleAnswerEvent) event.getPayload(), event, event.getSequenceNumber());
        }
    }

    private List<Document> documents() {
        List<Document> all = new ArrayList<>();
        database.getCollection("team_feedback_pending").find().into(all);
        database.getCollection("resource_person_stats").find().into(all);
        return all;
    }
}
