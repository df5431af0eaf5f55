package dk.laeringsledelse.query.progress;

import dk.laeringsledelse.query.summary.GoalCounts;
import static dk.laeringsledelse.query.DashboardEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import dk.laeringsledelse.kernel.cycle.Attainment;
import dk.laeringsledelse.kernel.cycle.FeedbackAbout;
import dk.laeringsledelse.kernel.cycle.LearningCycleEvent;
import dk.laeringsledelse.kernel.module.ModuleAnswerEvent;
import dk.laeringsledelse.kernel.organisation.TeamRegistered;
import dk.laeringsledelse.query.cycleview.LearningCycleView.Phase;
import dk.laeringsledelse.query.summary.InstitutionSummaryStore;
import dk.laeringsledelse.query.progress.TeamProgress.ModuleStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.organisation.MunicipalityId;
import dk.laeringsledelse.query.support.ProcessorBatch;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events in, documents out: a team's progress and its entry in the institution's summary. */
class TeamProgressProjectionTest {

    private MongoDatabase database;
    private TeamProgressProjection projection;

    @BeforeEach
    void freshStore() {
        database = TestMongo.freshDatabase();
        projection = new TeamProgressProjection(new TeamProgressStore(database), new InstitutionSummaryStore(database),
                SimpleQueryUpdateEmitter.builder().build());
    }

    @Test
    void givenATeamsCycleAndModuleAnswer_thenPhaseAttainmentSignsPerWeekFeedbackAndModuleStatus() {
        handle(history());

        TeamProgress progress = projection.handle(new FindTeamProgress(TEAM.value()));
        TeamProgressView view = TeamProgressView.of(progress, "Spiren", T0.plusSeconds(3 * 86_400));
        assertThat(progress.institutionId).isEqualTo(INSTITUTION.value());
        assertThat(view.activeCycles()).singleElement().satisfies(cycle -> {
            assertThat(cycle.phase()).isEqualTo(Phase.EVALUATING);
            assertThat(cycle.phaseSince()).isEqualTo(T0.plusSeconds(8 * 86_400));
            assertThat(cycle.signs()).isEqualTo(2);
        });
        assertThat(view.goals()).as("goal-1's latest assessment counts, goal-2 is not assessed")
                .isEqualTo(new GoalCounts(2, 1, 0, 1, 0));
        assertThat(view.signs().perWeek()).containsExactly(
                new TeamProgressView.WeekCount("2026-W45", 1), new TeamProgressView.WeekCount("2026-W46", 1));
        assertThat(view.signs().lastObservedOn()).isEqualTo(LocalDate.parse("2026-11-06"));
        assertThat(view.signs().lastDocumentedAt()).isEqualTo(T0.plusSeconds(7 * 86_400));
        assertThat(view.feedback()).isEqualTo(new TeamProgressView.FeedbackFigures(2, 1, 2.0));
        assertThat(view.modules()).hasSize(3).first().satisfies(module -> {
            assertThat(module.moduleId()).isEqualTo(MODULE.value());
            assertThat(module.status()).isEqualTo(ModuleStatus.FEEDBACK_GIVEN);
            assertThat(module.latestVersion()).isEqualTo(2);
        });
        assertThat(view.modules().get(1).status()).isEqualTo(ModuleStatus.NOT_STARTED);

        var summary = new InstitutionSummaryStore(database).findAll(List.of(INSTITUTION.value()))
                .get(INSTITUTION.value());
        assertThat(summary.teams()).containsExactly(progress.figures());
    }

    @Test
    void givenTheCycleCompletedAndTheAnswerApproved_thenTheCycleIsCompletedAndTheModuleApproved() {
        List<DomainEventMessage<?>> events = history();
        events.add(cycle(10, completed(), T0.plusSeconds(9 * 86_400), "pia"));
        events.add(module(3, approved(2), T0.plusSeconds(9 * 86_400), "ole"));
        handle(events);

        TeamProgressView view = TeamProgressView.of(projection.handle(new FindTeamProgress(TEAM.value())), "Spiren",
                T0.plusSeconds(12 * 86_400));
        assertThat(view.activeCycles()).isEmpty();
        assertThat(view.completedCycles()).singleElement().satisfies(cycle -> {
            assertThat(cycle.phase()).isEqualTo(Phase.COMPLETED);
            assertThat(cycle.daysInPhase()).isEqualTo(3);
        });
        assertThat(view.modules().get(0).status()).isEqualTo(ModuleStatus.APPROVED);
    }

    @Test
    void theSameEventsTwiceGiveIdenticalDocuments() {
        handle(history());
        List<Document> once = documents();

        handle(history()); // at-least-once delivery after a crash
        assertThat(documents()).isEqualTo(once);
    }

    @Test
    void aBatchWritesEachTeamsProgressAndTheirInstitutionsSummaryOnce_asEventByEventWould() {
        List<DomainEventMessage<?>> events = history();
        events.add(new GenericDomainEventMessage<>("Team", "team-2", 0, new TeamRegistered(TeamId.of("team-2"),
                INSTITUTION, MunicipalityId.of("m-1"), "Myren", "5-6 år"), MetaData.emptyInstance(), "team-2-0", T0));

        Map<String, Integer> writes = ProcessorBatch.sameAsEventByEvent(events, db -> {
            var batched = new TeamProgressProjection(new TeamProgressStore(db), new InstitutionSummaryStore(db),
                    SimpleQueryUpdateEmitter.builder().build());
            return event -> handle(batched, event);
        }, "team_progress", "institution_summaries");

        // the summary, shared by the two teams (and the measurements), gets one $set of both teams' fields
        assertThat(writes).isEqualTo(Map.of("team_progress", 2, "institution_summaries", 1));
    }

    /** Registered, a cycle with two goals, signs in two weeks, two assessments, feedback, a module answer. */
    private static List<DomainEventMessage<?>> history() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(teamRegistered());
        events.add(cycle(0, started(), T0, "pia"));
        events.add(cycle(1, goalSet(GOAL), T0, "pia"));
        events.add(cycle(2, goalSet(OTHER_GOAL), T0, "pia"));
        events.add(cycle(3, sign("s1", GOAL, LocalDate.parse("2026-11-02")), T0, "pia"));
        events.add(cycle(4, sign("s2", GOAL, LocalDate.parse("2026-11-06")), T0.plusSeconds(7 * 86_400), "pia"));
        events.add(cycle(5, feedback("f1", FeedbackAbout.cycle()), T0, "ole"));
        events.add(cycle(6, responded("f1"), T0.plusSeconds(2 * 3600), "pia"));
        events.add(cycle(7, assessed("a1", GOAL, Attainment.ACHIEVED), T0.plusSeconds(8 * 86_400), "pia"));
        events.add(cycle(8, assessed("a2", GOAL, Attainment.PARTLY), T0.plusSeconds(8 * 86_400), "pia"));
        events.add(cycle(9, feedback("f2", FeedbackAbout.cycle()), HOUR, "ole"));
        events.add(module(0, submitted(1), T0, "pia"));
        events.add(module(1, submitted(2), HOUR, "pia"));
        events.add(module(2, moduleFeedback("mf1", 2), HOUR, "ole"));
        return events;
    }

    private void handle(List<DomainEventMessage<?>> events) {
        events.forEach(event -> handle(projection, event));
    }

    private static void handle(TeamProgressProjection projection, DomainEventMessage<?> event) {
        if (event.getPayload() instanceof TeamRegistered registered) {
            projection.on(registered, event.getSequenceNumber());
        } else if (event.getPayload() instanceof LearningCycleEvent cycleEvent) {
            projection.on(cycleEvent, event, event.getSequenceNumber());
        } else {
            projection.on((ModuleAnswerEvent) event.getPayload(), event, event.getSequenceNumber());
        }
    }

    private List<Document> documents() {
        List<Document> all = new ArrayList<>();
        database.getCollection("team_progress").find().into(all);
        database.getCollection("institution_summaries").find().into(all);
        return all;
    }
}
