package dk.laeringsledelse.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.cycle.CycleId;
import dk.laeringsledelse.kernel.cycle.DataBasis;
import dk.laeringsledelse.kernel.cycle.LearningCycleStarted;
import dk.laeringsledelse.kernel.cycle.PlannedPeriod;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.organisation.InstitutionKind;
import dk.laeringsledelse.kernel.organisation.InstitutionRegistered;
import dk.laeringsledelse.kernel.organisation.MunicipalityId;
import dk.laeringsledelse.kernel.organisation.TeamRegistered;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** From events to the audit history's buckets, and idempotent on re-delivery. */
class AuditProjectionTest {

    private static final MunicipalityId MUNICIPALITY = new MunicipalityId("m1");
    private static final InstitutionId INSTITUTION = new InstitutionId("i1");
    private static final TeamId TEAM = TeamId.of("t1");
    private static final CycleId CYCLE = CycleId.of("c1");

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final AuditProjection projection = new AuditProjection(db);

    private final List<TrackedEventMessage<?>> history = List.of(
            message(1, "Institution", "i1", 0, "2026-01-31T23:00:00Z", "operator",
                    new InstitutionRegistered(INSTITUTION, MUNICIPALITY, "Solsikken", InstitutionKind.DAYCARE)),
            message(2, "Team", "t1", 0, "2026-01-31T23:30:00Z", "operator",
                    new TeamRegistered(TEAM, INSTITUTION, MUNICIPALITY, "Bierne", "3-4 år")),
            message(3, "LearningCycle", "c1", 0, "2026-02-02T09:30:00.120Z", "pia",
                    new LearningCycleStarted(CYCLE, TEAM, "Sprog", new PlannedPeriod(LocalDate.of(2026, 2, 1),
                            LocalDate.of(2026, 4, 30)), new DataBasis("T1 viser", "Profilanalyse"))));

    @Test
    void everyEventIsStoredOnceAndListedUnderEachOfItsKeysPerMonth() {
        deliver(history);

        Document started = db.getCollection(AuditDocuments.EVENTS).find(new Document("_id", 3L)).first();
        assertThat(started).isNotNull();
        AuditEvent event = AuditDocuments.eventFrom(started);
        assertThat(event).extracting(AuditEvent::aggregateType, AuditEvent::aggregateId, AuditEvent::sequenceNumber,
                        AuditEvent::eventType, AuditEvent::revision, AuditEvent::actor, AuditEvent::actorRole,
                        AuditEvent::correlationId, AuditEvent::teamId, AuditEvent::institutionId,
                        AuditEvent::municipalityId, AuditEvent::at)
                .containsExactly("LearningCycle", "c1", 0L, "LearningCycleStarted", "1", "pia", "COORDINATOR",
                        "corr-3", "t1", "i1", "m1", Instant.parse("2026-02-02T09:30:00.120Z"));
        assertThat(event.payload()).contains("\"cycleId\":\"c1\"", "\"title\":\"Sprog\"", "\"start\":\"2026-02-01\"");

        assertThat(positions("municipality|m1|2026-01")).containsExactly(1L, 2L);
        assertThat(positions("municipality|m1|2026-02")).containsExactly(3L);
        assertThat(positions("institution|i1|2026-02")).containsExactly(3L);
        assertThat(positions("team|t1|2026-01")).containsExactly(2L);
        assertThat(positions("team|t1|2026-02")).containsExactly(3L);
        assertThat(positions("aggregate|c1|2026-02")).containsExactly(3L);
        assertThat(positions("person|pia|2026-02")).containsExactly(3L);
        assertThat(positions("person|operator|2026-01")).containsExactly(1L, 2L);
        assertThat(positions("type|LearningCycleStarted|2026-02")).containsExactly(3L);

        Document index = db.getCollection(AuditDocuments.INDEX).find(new Document("_id", "municipality|m1")).first();
        assertThat(AuditDocuments.monthsOf(index)).containsExactly("2026-01", "2026-02");
        assertThat(AuditDocuments.countOf(index, null, null)).isEqualTo(3);
        assertThat(AuditDocuments.countOf(index, "2026-02", null)).isEqualTo(1);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        deliver(history);
        List<Document> before = everything();

        deliver(history);

        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void aResetEmptiesTheHistoryAndAReplayWritesTheSameDocuments() {
        deliver(history);
        List<Document> before = everything();

        projection.reset();
        assertThat(everything()).isEmpty();
        deliver(history);

        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void theReaderAnswersOnlyWhatTheScopeSees() {
        deliver(history);
        AuditHistoryReader reader = new AuditHistoryReader(db);
        EventHistoryFilter byPia = new EventHistoryFilter(null, null, null, null, "pia", null, null, null);

        assertThat(reader.read(byPia, AuditScope.auditorOf("m1"), null, null).nodes())
                .extracting(AuditEvent::position).containsExactly(3L);
        assertThat(reader.read(byPia, AuditScope.auditorOf("m2"), null, null).nodes()).isEmpty();
        // a team's reader sees the team's events, not the institution's registration
        assertThat(reader.read(null, new AuditScope(Set.of(), Set.of(), Set.of("t1")), null, null).nodes())
                .extracting(AuditEvent::position).containsExactly(2L, 3L);
    }

    private void deliver(List<TrackedEventMessage<?>> messages) {
        messages.forEach(m -> projection.on(m.getPayload(), m, m.trackingToken()));
    }

    private List<Long> positions(String bucketId) {
        Document bucket = db.getCollection(AuditDocuments.BUCKETS).find(new Document("_id", bucketId)).first();
        assertThat(bucket).as(bucketId).isNotNull();
        return AuditDocuments.refsOf(bucket).stream().map(AuditDocuments.Ref::position).sorted().toList();
    }

    private List<Document> everything() {
        List<Document> all = new ArrayList<>();
        for (String name : List.of(AuditDocuments.EVENTS, AuditDocuments.BUCKETS, AuditDocuments.INDEX, AuditDocuments.UNITS)) {
            db.getCollection(name).find().sort(new Document("_id", 1)).into(all);
        }
        return all;
    }

    private static TrackedEventMessage<?> message(long position, String type, String aggregateId, long seq, String at,
                                                  String actor, Object payload) {
        Map<String, Object> metaData = Map.of(MetaDataKeys.ACTOR, actor,
                MetaDataKeys.ACTOR_ROLE, actor.equals("pia") ? "COORDINATOR" : "OPERATOR",
                MetaDataKeys.CORRELATION_ID, "corr-" + position);
        return new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(position, List.of()),
                new GenericDomainEventMessage<>(type, aggregateId, seq, payload, metaData, "e-" + position,
                        Instant.parse(at)));
    }
}
