package dk.laeringsledelse.query.cycleview;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.cycle.*;
import dk.laeringsledelse.query.cycleview.LearningCycleView.Phase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events in, documents out: the learning-cycle view and the team's list of cycles. */
class LearningCycleProjectionTest {

    private static final CycleId CYCLE = new CycleId("cycle-1");
    private static final TeamId TEAM = new TeamId("team-1");
    private static final GoalId GOAL = new GoalId("goal-1");
    private static final ActivityId ACTIVITY = new ActivityId("activity-1");
    private static final SignId SIGN = new SignId("sign-1");
    private static final FeedbackId FEEDBACK = new FeedbackId("feedback-1");
    private static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-09-10");

    private MongoDatabase database;
    private LearningCycleProjection projection;

    @BeforeEach
    void freshStore() {
        database = TestMongo.freshDatabase();
        projection = new LearningCycleProjection(new LearningCycleStore(database),
                SimpleQueryUpdateEmitter.builder().build());
    }

    @Test
    void aWholeCycleBecomesOneViewWithPhasesCountsAndWhoDidWhat() {
        handle(wholeCycle());

        LearningCycleView view = projection.handle(new FindLearningCycle(CYCLE.value()));
        assertThat(view.phase).isEqualTo(Phase.COMPLETED);
        assertThat(view.phaseHistory).extracting(LearningCycleView.PhaseChange::phase)
                .containsExactly(Phase.PLANNING, Phase.ACTING, Phase.EVALUATING, Phase.COMPLETED);
        assertThat(view.phaseHistory.get(1).enteredAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(view.version).as("sequence number of the last of 10 events").isEqualTo(9);
        assertThat(view.startedBy).isEqualTo("pia");
        LearningCycleView.Goal goal = view.goals.get(0);
        assertThat(goal.expectedSigns).containsExactly("Bruger nye ord", "Spørger til ord");
        assertThat(goal.revisions).hasSize(1);
        assertThat(goal.currentAttainment).isEqualTo("ACHIEVED");
        assertThat(goal.signIds).containsExactly(SIGN.value());
        assertThat(view.signs.get(0).matchedExpectedSignText).isEqualTo("Spørger til ord");
        assertThat(view.activities.get(0).status).isEqualTo("CARRIED_OUT");
        assertThat(view.feedback.get(0).author).isEqualTo("ole");
        assertThat(view.feedback.get(0).response.by()).isEqualTo("pia");
        assertThat(view.counts()).isEqualTo(new LearningCycleView.Counts(1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0, 0));

        assertThat(new LearningCycleStore(database).teamCycles(TEAM.value()).cycles())
                .containsExactly(new TeamCycles.Entry(CYCLE.value(), "Sprog", Phase.COMPLETED, T0));
    }

    @Test
    void timesAreStoredAsBsonDatesAndDaysAsIsoText() {
        handle(wholeCycle());

        Document stored = database.getCollection("learning_cycles").find(new Document("_id", CYCLE.value())).first();
        assertThat(stored.get("startedAt")).isInstanceOf(java.util.Date.class)
                .isEqualTo(java.util.Date.from(T0));
        assertThat(stored.getList("phaseHistory", Document.class).get(1).get("enteredAt"))
                .isEqualTo(java.util.Date.from(T0.plusSeconds(3)));
        assertThat(stored.getList("signs", Document.class).get(0).get("observedOn"))
                .as("a calendar day stays ISO text, which sorts in date order").isInstanceOf(String.class);
        // and MongoDB itself can compare them as times
        assertThat(database.getCollection("learning_cycles")
                .countDocuments(new Document("startedAt", new Document("$gte", java.util.Date.from(T0))))).isEqualTo(1);
    }

    @Test
    void theSameEventsTwiceGiveIdenticalDocuments() {
        List<DomainEventMessage<?>> events = wholeCycle();
        handle(events);
        List<Document> once = documents();

        handle(events); // at-least-once delivery after a crash
        assertThat(documents()).isEqualTo(once);
    }

    @Test
    void aResetEmptiesTheReadModelAndAReplayRebuildsItIdentically() {
        handle(wholeCycle());
        List<Document> before = documents();

        projection.reset();
        assertThat(documents()).isEmpty();
        handle(wholeCycle());
        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void anAbandonedCycleShowsItsReasonAndPhase() {
        handle(List.of(event(0, started(), "pia"),
                event(1, new LearningCycleAbandoned(CYCLE, TEAM, "Teamet blev lagt sammen"), "pia")));
        LearningCycleView view = projection.handle(new FindLearningCycle(CYCLE.value()));
        assertThat(view.phase).isEqualTo(Phase.ABANDONED);
        assertThat(view.abandonReason).isEqualTo("Teamet blev lagt sammen");
    }

    private List<DomainEventMessage<?>> wholeCycle() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(event(0, started(), "pia"));
        events.add(event(1, new LearningGoalSet(CYCLE, TEAM, GOAL, "Ordforråd", "kommunikation-og-sprog",
                TargetGroup.wholeGroup(), List.of("Bruger nye ord"), null), "pia"));
        events.add(event(2, new ActivityPlanned(CYCLE, TEAM, ACTIVITY, List.of(GOAL), "Dialogisk læsning", null,
                DAY, null), "pia"));
        events.add(event(3, new ActivityCarriedOut(CYCLE, TEAM, ACTIVITY, DAY, "Godt"), "pia"));
        events.add(event(4, new LearningGoalRevised(CYCLE, TEAM, GOAL, null,
                List.of("Bruger nye ord", "Spørger til ord"), "Mere præcist"), "pia"));
        events.add(event(5, new SignOfLearningDocumented(CYCLE, TEAM, SIGN, GOAL, ACTIVITY, DAY, "Spurgte hvad 'kæmpe' betyder",
                1, EvidenceKind.OBSERVATION, List.of(new ChildId("c-7"))), "pia"));
        events.add(event(6, new FeedbackGiven(CYCLE, TEAM, FEEDBACK, FeedbackAbout.goal(GOAL),
                AuthorRole.RESOURCE_PERSON, "Godt mål"), "ole"));
        events.add(event(7, new FeedbackResponded(CYCLE, TEAM, FEEDBACK, "Tak"), "pia"));
        events.add(event(8, new GoalAttainmentAssessed(CYCLE, TEAM, new AssessmentId("a-1"), GOAL,
                Attainment.ACHIEVED, "Tegnet ses", List.of(SIGN)), "pia"));
        events.add(event(9, new LearningCycleCompleted(CYCLE, TEAM, "Nået", "Videre"), "pia"));
        return events;
    }

    private static LearningCycleStarted started() {
        return new LearningCycleStarted(CYCLE, TEAM, "Sprog",
                new PlannedPeriod(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-12-01")),
                new DataBasis("T1 viser sprogvanskeligheder", "Profilanalyse T1"));
    }

    private static DomainEventMessage<?> event(long sequence, Object payload, String actor) {
        return new GenericDomainEventMessage<>("LearningCycle", CYCLE.value(), sequence, payload,
                MetaData.with(MetaDataKeys.ACTOR, actor), "event-" + sequence, T0.plusSeconds(sequence));
    }

    private void handle(List<DomainEventMessage<?>> events) {
        for (DomainEventMessage<?> event : events) {
            projection.on((LearningCycleEvent) event.getPayload(), event, event.getSequenceNumber());
        }
    }

    private List<Document> documents() {
        List<Document> all = new ArrayList<>();
        database.getCollection(LearningCycleStore.CYCLES).find().into(all);
        database.getCollection(LearningCycleStore.TEAM_CYCLES).find().into(all);
        return all;
    }
}
