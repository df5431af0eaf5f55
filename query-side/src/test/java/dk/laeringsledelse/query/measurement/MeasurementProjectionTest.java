package dk.laeringsledelse.query.measurement;

import dk.laeringsledelse.query.summary.MeasurementSeries;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.measurement.Indicators;
import dk.laeringsledelse.kernel.measurement.MeasurementCorrected;
import dk.laeringsledelse.kernel.measurement.MeasurementRecorded;
import dk.laeringsledelse.kernel.measurement.Round;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.query.summary.InstitutionSummaryStore;
import dk.laeringsledelse.query.summary.GoalCounts;
import dk.laeringsledelse.query.summary.TeamFigures;
import dk.laeringsledelse.query.support.ProcessorBatch;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events in, documents out: an institution's series per team and indicator, and the institution's own. */
class MeasurementProjectionTest {

    private static final InstitutionId INSTITUTION = InstitutionId.of("institution-1");
    private static final TeamId SPIREN = TeamId.of("spiren");
    private static final TeamId MYREN = TeamId.of("myren");

    private MongoDatabase database;
    private MeasurementProjection projection;
    private long sequence;

    @BeforeEach
    void freshStore() {
        database = TestMongo.freshDatabase();
        projection = new MeasurementProjection(new MeasurementStore(database), new InstitutionSummaryStore(database),
                SimpleQueryUpdateEmitter.builder().build());
        sequence = 0;
    }

    @Test
    void givenTeamFiguresOverThreeRounds_thenSeriesWithChangesAndTheInstitutionsWeightedMean() {
        record(SPIREN, Round.T1, "3.0", 10);
        record(SPIREN, Round.T2, "3.5", 10);
        record(SPIREN, Round.T3, "4.0", 10);
        record(MYREN, Round.T1, "2.0", 30);
        record(MYREN, Round.T2, "2.2", 30);

        InstitutionMeasurementsView view = projection.handle(new FindInstitutionMeasurements(INSTITUTION.value()));
        assertThat(view.version).isEqualTo(4);
        MeasurementSeries spiren = view.teamSeries().stream().filter(s -> s.teamId.equals("spiren")).findFirst()
                .orElseThrow();
        assertThat(spiren.changeT1T2()).isEqualByComparingTo("0.5");
        assertThat(spiren.changeT2T3()).isEqualByComparingTo("0.5");
        assertThat(spiren.indicatorLabel()).isEqualTo("Kommunikation og sprog");

        MeasurementSeries institution = view.institutionSeries().get(0);
        assertThat(institution.derived).isTrue();
        assertThat(institution.points).extracting(MeasurementSeries.Point::value)
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(new BigDecimal("2.25"), new BigDecimal("2.53"), new BigDecimal("4.00"));
        assertThat(institution.changeT1T2()).isEqualByComparingTo("0.28");

        var summary = new InstitutionSummaryStore(database).findAll(List.of(INSTITUTION.value()))
                .get(INSTITUTION.value());
        assertThat(summary.indicators()).singleElement()
                .satisfies(s -> assertThat(s.changeT1T2()).isEqualByComparingTo("0.28"));
    }

    @Test
    void givenAnInstitutionFigureAndACorrection_thenTheRecordedInstitutionSeriesWithTheCorrectedValue() {
        record(null, Round.T1, "3.0", 40);
        record(SPIREN, Round.T1, "9.0", 10);
        record(null, Round.T2, "3.1", 40);
        handle(new MeasurementCorrected(INSTITUTION, null, Round.T2, LocalDate.parse("2026-06-01"),
                Indicators.LANGUAGE, new BigDecimal("3.6"), BigDecimal.ONE, BigDecimal.TEN, 40, "tastefejl"));

        MeasurementSeries institution = projection.handle(new FindInstitutionMeasurements(INSTITUTION.value()))
                .institutionSeries().get(0);
        assertThat(institution.derived).isFalse();
        assertThat(institution.points).hasSize(2);
        assertThat(institution.changeT1T2()).isEqualByComparingTo("0.6");
    }

    @Test
    void theSameEventsTwiceGiveIdenticalDocuments() {
        record(SPIREN, Round.T1, "3.0", 10);
        record(SPIREN, Round.T2, "3.5", 10);
        List<Document> once = documents();

        sequence = 0; // at-least-once delivery after a crash
        record(SPIREN, Round.T1, "3.0", 10);
        record(SPIREN, Round.T2, "3.5", 10);
        assertThat(documents()).isEqualTo(once);
    }

    @Test
    void aBatchWritesTheInstitutionsMeasurementsAndItsSummaryOnce_asEventByEventWould() {
        List<Object> events = List.of(recorded(SPIREN, Round.T1, "3.0", 10), recorded(SPIREN, Round.T2, "3.5", 10),
                recorded(MYREN, Round.T1, "2.0", 30), recorded(MYREN, Round.T2, "2.2", 30),
                new MeasurementCorrected(INSTITUTION, MYREN, Round.T2, LocalDate.parse("2026-05-15"),
                        Indicators.LANGUAGE, new BigDecimal("2.4"), BigDecimal.ONE, BigDecimal.TEN, 30, "tastefejl"));

        Map<String, Integer> writes = ProcessorBatch.sameAsEventByEvent(
                IntStream.range(0, events.size()).boxed().toList(), db -> {
                    var batched = new MeasurementProjection(new MeasurementStore(db), new InstitutionSummaryStore(db),
                            SimpleQueryUpdateEmitter.builder().build());
                    return i -> handle(batched, events.get(i), i);
                }, "institution_measurements", "institution_summaries");

        assertThat(writes).isEqualTo(Map.of("institution_measurements", 1, "institution_summaries", 1));
    }

    @Test
    void aBatchSetsOnlyTheSummarysIndicators_soATeamWrittenMeanwhileByTheProgressProjectionStays() {
        InstitutionSummaryStore summaries = new InstitutionSummaryStore(database);
        TeamFigures figures = new TeamFigures("spiren", 1, 0, new GoalCounts(1, 0, 0, 1, 0), 2, null, null, 0, 0);

        ProcessorBatch.run(List.of(
                () -> record(SPIREN, Round.T1, "3.0", 10),
                () -> {
                    // the team-progress processor's batch, on its own thread, writes to the same summary meanwhile
                    CompletableFuture.runAsync(() -> ProcessorBatch.run(List.of(
                            () -> summaries.putTeam(INSTITUTION.value(), figures)))).join();
                },
                () -> record(SPIREN, Round.T2, "3.5", 10)));

        var summary = summaries.findAll(List.of(INSTITUTION.value())).get(INSTITUTION.value());
        assertThat(summary.teams()).containsExactly(figures);
        assertThat(summary.indicators()).singleElement()
                .satisfies(s -> assertThat(s.changeT1T2()).isEqualByComparingTo("0.5"));
    }

    private void record(TeamId team, Round round, String value, int n) {
        handle(projection, recorded(team, round, value, n), sequence++);
    }

    private static MeasurementRecorded recorded(TeamId team, Round round, String value, int n) {
        LocalDate day = LocalDate.parse("2026-01-15").plusMonths(round.ordinal() * 4L);
        return new MeasurementRecorded(INSTITUTION, team, round, day, Indicators.LANGUAGE, new BigDecimal(value),
                BigDecimal.ONE, BigDecimal.TEN, n);
    }

    private void handle(Object event) {
        handle(projection, event, sequence++);
    }

    private static void handle(MeasurementProjection projection, Object event, long sequence) {
        if (event instanceof MeasurementRecorded recorded) {
            projection.on(recorded, sequence);
        } else {
            projection.on((MeasurementCorrected) event, sequence);
        }
    }

    private List<Document> documents() {
        List<Document> all = new ArrayList<>();
        database.getCollection("institution_measurements").find().into(all);
        database.getCollection("institution_summaries").find().into(all);
        return all;
    }
}
