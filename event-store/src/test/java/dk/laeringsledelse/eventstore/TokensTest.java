package dk.laeringsledelse.eventstore;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dk.laeringsledelse.eventstore.Fixtures.event;
import static dk.laeringsledelse.eventstore.Fixtures.eventAt;
import static dk.laeringsledelse.eventstore.Fixtures.insertLateCommit;
import static dk.laeringsledelse.eventstore.Fixtures.readAll;
import static dk.laeringsledelse.eventstore.Fixtures.reserve;
import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final MongoEventStorageEngine engine = Fixtures.engine(db);

    @Test
    void tailTokenLiesBeforeEveryEvent() {
        assertThat(engine.createTailToken()).isEqualTo(new GapAwareTrackingToken(0, java.util.List.of()));
        engine.appendEvents(event("a", 0), event("a", 1));

        assertThat(readAll(engine, engine.createTailToken())).hasSize(2);
    }

    @Test
    void headTokenCoversCommittedEventsAndKeepsInFlightOnesAsGaps() {
        assertThat(engine.createHeadToken()).isEqualTo(new GapAwareTrackingToken(0, java.util.List.of()));
        engine.appendEvents(event("a", 0), event("a", 1));
        long inFlight = reserve(db, 1);
        engine.appendEvents(event("b", 0));

        GapAwareTrackingToken head = (GapAwareTrackingToken) engine.createHeadToken();

        assertThat(head.getIndex()).isEqualTo(4L);
        assertThat(head.getGaps()).containsExactly(inFlight);
        assertThat(readAll(engine, head)).isEmpty();
        String late = insertLateCommit(db, inFlight, Instant.now());
        assertThat(readAll(engine, head)).singleElement().satisfies(message -> assertThat(
                ((org.axonframework.eventhandling.DomainEventMessage<?>) message).getAggregateIdentifier())
                .isEqualTo(late));
    }

    @Test
    void tokenAtAnInstantStartsAtTheFirstEventAtOrAfterIt() {
        Instant t0 = Instant.parse("2025-03-01T10:00:00Z");
        engine.appendEvents(eventAt("a", 0, t0), eventAt("a", 1, t0.plusSeconds(10)));
        engine.appendEvents(eventAt("b", 0, t0.plusSeconds(20)));

        assertThat(readAll(engine, engine.createTokenAt(t0.minusSeconds(1)))).hasSize(3);
        assertThat(readAll(engine, engine.createTokenAt(t0.plusSeconds(5))))
                .extracting(TrackedEventMessage::getTimestamp)
                .containsExactly(t0.plusSeconds(10), t0.plusSeconds(20)); // starts inside the first commit
        assertThat(readAll(engine, engine.createTokenAt(t0.plusSeconds(20)))).hasSize(1);
        assertThat(engine.createTokenAt(t0.plusSeconds(21))).isEqualTo(engine.createHeadToken());
    }
}
