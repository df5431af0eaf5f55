package dk.laeringsledelse.graphql.overview;

import dk.laeringsledelse.query.overview.Overviews;
import dk.laeringsledelse.query.summary.InstitutionSummaryStore;
import dk.laeringsledelse.query.organisation.UnitView;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.testsupport.CommandRecorder;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.cycle.*;
import dk.laeringsledelse.kernel.measurement.Indicators;
import dk.laeringsledelse.kernel.measurement.MeasurementRecorded;
import dk.laeringsledelse.kernel.measurement.Round;
import dk.laeringsledelse.kernel.module.ModuleAnswerId;
import dk.laeringsledelse.kernel.module.ModuleAnswerSubmitted;
import dk.laeringsledelse.kernel.module.Modules;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.organisation.MunicipalityId;
import dk.laeringsledelse.kernel.organisation.TeamRegistered;
import dk.laeringsledelse.graphql.access.Callers;
import dk.laeringsledelse.query.feedbackqueue.FeedbackQueue;
import dk.laeringsledelse.graphql.feedback.FeedbackQueueController;
import dk.laeringsledelse.query.feedbackqueue.FeedbackQueueProjection;
import dk.laeringsledelse.query.feedbackqueue.FeedbackQueueStore;
import dk.laeringsledelse.query.measurement.MeasurementProjection;
import dk.laeringsledelse.query.measurement.MeasurementStore;
import dk.laeringsledelse.query.organisation.OrganisationStore;
import dk.laeringsledelse.query.progress.TeamProgressProjection;
import dk.laeringsledelse.query.progress.TeamProgressStore;
import graphql.GraphQLContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The dashboards read the same bounded number of documents, all by {@code _id}, whatever the history: the embedded
 * store indexes only {@code _id}, anything else would scan every document. The projections, too, read and write by
 * {@code _id} only.
 */
class DashboardReadCostTest {

    private static final int TEAMS = 3;
    private static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(40 * 86_400), ZoneOffset.UTC);

    /** Commands sent by the client while recording. */
    private final CommandRecorder listener = new CommandRecorder();

    @Test
    void everyDashboardCostsTheSameIdReads_with10And150SignsPerTeam() {
        Costs small = costs(10);
        Costs large = costs(150);

        assertThat(large).isEqualTo(small);
        // institution, its teams, their progress, its measurements; municipality, its institutions, their
        // summaries; the person, their teams' pending feedback, the teams' names, their response times
        assertThat(small).isEqualTo(new Costs(4, 3, 4));
    }

    private record Costs(int institutionOverview, int municipalityOverview, int feedbackQueue) {
    }

    private Costs costs(int signsPerTeam) {
        MongoDatabase db = TestMongo.freshDatabase(listener);
        organisation(db);
        listener.start();
        project(db, signsPerTeam);
        listener.stop();
        assertThat(listener.commands()).as("the projections").isNotEmpty().allSatisfy(DashboardReadCostTest::assertById);

        OrganisationStore organisation = new OrganisationStore(db);
        Overviews overviews = new Overviews(organisation, new TeamProgressStore(db), new MeasurementStore(db),
                new InstitutionSummaryStore(db), CLOCK);
        FeedbackQueueController queues = new FeedbackQueueController(new FeedbackQueueStore(db), organisation,
                new Callers(organisation, Set.of()), null, CLOCK);
        GraphQLContext context = GraphQLContext.newContext().of(MetaDataKeys.ACTOR, "rp").build();

        int institution = finds(() -> overviews.institution(
                organisation.find(dk.laeringsledelse.query.organisation.UnitView.Kind.INSTITUTION, "i1")
                        .orElseThrow(), 14)).size();
        int municipality = finds(() -> overviews.municipality(
                organisation.find(dk.laeringsledelse.query.organisation.UnitView.Kind.MUNICIPALITY, "m1")
                        .orElseThrow(), 14)).size();
        listener.start();
        FeedbackQueue queue = queues.feedbackQueue("rp", context);
        listener.stop();
        int feedbackQueue = listener.commands().size() - 1; // the caller's own roles are read once per request, not per queue
        assertThat(queue.items()).hasSize(2 * TEAMS);
        assertThat(listener.commands()).allSatisfy(DashboardReadCostTest::assertById);
        return new Costs(institution, municipality, feedbackQueue);
    }

    private List<BsonDocument> finds(Supplier<?> read) {
        listener.start();
        try {
            assertThat(read.get()).isNotNull();
        } finally {
            listener.stop();
        }
        assertThat(listener.commands()).allSatisfy(DashboardReadCostTest::assertById);
        return List.copyOf(listener.commands());
    }

    private static void organisation(MongoDatabase db) {
        List<String> teams = new ArrayList<>();
        for (int t = 0; t < TEAMS; t++) {
            teams.add("t" + t);
            db.getCollection("teams").insertOne(new Document("_id", "t" + t).append("kind", "TEAM")
                    .append("municipalityId", "m1").append("institutionId", "i1").append("name", "Team " + t));
        }
        db.getCollection("institutions").insertOne(new Document("_id", "i1").append("kind", "INSTITUTION")
                .append("municipalityId", "m1").append("name", "Solsikken").append("children", teams));
        db.getCollection("municipalities").insertOne(new Document("_id", "m1").append("kind", "MUNICIPALITY")
                .append("municipalityId", "m1").append("children", List.of("i1")));
        db.getCollection("people").insertOne(new Document("_id", "rp").append("assignments", teams.stream()
                .map(t -> new Document("role", "RESOURCE_PERSON").append("municipalityId", "m1")
                        .append("institutionId", "i1").append("teamId", t)).toList()));
    }

    private static void project(MongoDatabase db, int signsPerTeam) {
        var emitter = SimpleQueryUpdateEmitter.builder().build();
        var summaries = new InstitutionSummaryStore(db);
        var progress = new TeamProgressProjection(new TeamProgressStore(db), summaries, emitter);
        var queues = new FeedbackQueueProjection(new FeedbackQueueStore(db), new OrganisationStore(db), emitter);
        var measurements = new MeasurementProjection(new MeasurementStore(db), summaries, emitter);
        for (int t = 0; t < TEAMS; t++) {
            TeamId team = TeamId.of("t" + t);
            CycleId cycle = new CycleId("c" + t);
            GoalId goal = new GoalId("g" + t);
            progress.on(new TeamRegistered(team, InstitutionId.of("i1"), MunicipalityId.of("m1"), "Team", "3-4"), 0L);
            List<LearningCycleEvent> events = new ArrayList<>();
            events.add(new LearningCycleStarted(cycle, team, "Sprog", new PlannedPeriod(LocalDate.parse("2026-09-01"),
                    LocalDate.parse("2026-12-01")), new DataBasis("T1", "Profil")));
            events.add(new LearningGoalSet(cycle, team, goal, "Ord", "kommunikation-og-sprog",
                    new TargetGroup(TargetGroupKind.WHOLE_GROUP, null, List.of()), List.of("Nye ord"), null));
            for (int s = 0; s < signsPerTeam; s++) {
                events.add(new SignOfLearningDocumented(cycle, team, new SignId("s" + s), goal, null,
                        LocalDate.parse("2026-09-01").plusDays(s % 30), "Barn", 0, EvidenceKind.OBSERVATION,
                        List.of()));
            }
            events.add(new GoalAttainmentAssessed(cycle, team, AssessmentId.of("a" + t), goal, Attainment.PARTLY,
                    "Delvist", List.of()));
            for (int seq = 0; seq < events.size(); seq++) {
                var message = new GenericDomainEventMessage<>("LearningCycle", cycle.value(), seq, events.get(seq),
                        MetaData.with(MetaDataKeys.ACTOR, "pia"), "e-" + t + "-" + seq,
                        T0.plusSeconds(seq * 3600L));
                progress.on(events.get(seq), message, (long) seq);
                queues.on(events.get(seq), message, (long) seq);
            }
            var submitted = new ModuleAnswerSubmitted(ModuleAnswerId.of(team, Modules.TEAM_DATA_TO_PRACTICE), team,
                    Modules.TEAM_DATA_TO_PRACTICE, 1, "Svar");
            var message = new GenericDomainEventMessage<>("ModuleAnswer", submitted.answerId().value(), 0, submitted,
                    MetaData.with(MetaDataKeys.ACTOR, "pia"), "m-" + t, T0);
            progress.on(submitted, message, 0L);
            queues.on(submitted, message, 0L);
            for (Round round : Round.values()) {
                measurements.on(new MeasurementRecorded(InstitutionId.of("i1"), team, round,
                        LocalDate.parse("2026-01-01").plusMonths(round.ordinal() * 3L), Indicators.LANGUAGE,
                        BigDecimal.valueOf(2 + round.ordinal()), BigDecimal.ONE, BigDecimal.TEN, 10),
                        (long) (t * 3 + round.ordinal()));
            }
        }
    }

    /** A find, update or replace whose filter is {@code _id} alone (a value or {@code $in}). */
    private static void assertById(BsonDocument command) {
        switch (command.getFirstKey()) {
            case "find" -> assertIdOnly(command.getDocument("filter"));
            case "update" -> command.getArray("updates")
                    .forEach(update -> assertIdOnly(update.asDocument().getDocument("q")));
            default -> throw new AssertionError("unexpected command " + command);
        }
    }

    private static void assertIdOnly(BsonDocument filter) {
        assertThat(filter.keySet()).as("filter %s", filter).containsExactly("_id");
    }
}
