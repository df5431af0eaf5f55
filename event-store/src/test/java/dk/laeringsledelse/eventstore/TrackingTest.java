package dk.laeringsledelse.eventstore;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.Fixtures.MutableClock;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import static dk.laeringsledelse.eventstore.Fixtures.event;
import static dk.laeringsledelse.eventstore.Fixtures.insertLateCommit;
import static dk.laeringsledelse.eventstore.Fixtures.position;
import static dk.laeringsledelse.eventstore.Fixtures.readAll;
import static dk.laeringsledelse.eventstore.Fixtures.reserve;
import static dk.laeringsledelse.eventstore.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackingTest {

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final MongoEventStorageEngine engine = Fixtures.builder(db).batchSize(7).clock(clock).build();

    @Test
    void seesEveryEventExactlyOnceInGlobalOrder() {
        List<String> appended = appendRandomCommits(1_000);

        List<? extends TrackedEventMessage<?>> tracked = readAll(engine, null);

        assertThat(tracked).extracting(TrackedEventMessage::getIdentifier).containsExactlyElementsOf(appended);
        assertThat(tracked).extracting(Fixtures::position)
                           .containsExactlyElementsOf(LongStream.rangeClosed(1, 1_000).boxed().toList());
        assertThat(tracked).allSatisfy(message -> assertThat(token(message).getGaps()).isEmpty());
    }

    @Test
    void aTokenFromAnyEventResumesRightAfterIt() {
        List<String> appended = appendRandomCommits(60);
        List<? extends TrackedEventMessage<?>> all = readAll(engine, null);

        for (int i = 0; i < all.size(); i++) {
            TrackingToken resumeFrom = all.get(i).trackingToken(); // also in the middle of a multi-event commit
            assertThat(readAll(engine, resumeFrom)).extracting(TrackedEventMessage::getIdentifier)
                                                   .containsExactlyElementsOf(appended.subList(i + 1, 60));
        }
    }

    @Test
    void aSlowWritersCommitIsAGapUntilItCommitsAndIsThenDelivered() {
        engine.appendEvents(event("a", 0));
        long slow = reserve(db, 1);
        engine.appendEvents(event("b", 0));

        List<? extends TrackedEventMessage<?>> before = readAll(engine, null);
        assertThat(before).extracting(Fixtures::position).containsExactly(1L, 3L);
        GapAwareTrackingToken afterB = token(before.get(1));
        assertThat(afterB.getGaps()).containsExactly(slow);
        assertThat(readAll(engine, afterB)).isEmpty();

        String late = insertLateCommit(db, slow, clock.instant());

        List<? extends TrackedEventMessage<?>> after = readAll(engine, afterB);
        assertThat(after).singleElement().satisfies(message -> {
            assertThat(((DomainEventMessage<?>) message).getAggregateIdentifier()).isEqualTo(late);
            assertThat(token(message).getIndex()).isEqualTo(3L);
            assertThat(token(message).getGaps()).isEmpty();
        });
        assertThat(readAll(engine, after.get(0).trackingToken())).isEmpty();
    }

    @Test
    void aLongRunOfVoidedPositionsDoesNotStallTracking() {
        engine.appendEvents(event("a", 0));
        for (int i = 0; i < 20; i++) { // 20 failed appends > batch size 7
            assertThatThrownBy(() -> engine.appendEvents(event("a", 0)))
                    .isInstanceOf(org.axonframework.modelling.command.AggregateStreamCreationException.class);
        }
        assertThat(readAll(engine, null)).hasSize(1);
        engine.appendEvents(event("a", 1));

        List<? extends TrackedEventMessage<?>> tracked = readAll(engine, null);

        assertThat(tracked).extracting(Fixtures::position).containsExactly(1L, 22L);
        assertThat(token(tracked.get(1)).getGaps()).isEmpty();
        assertThat(engine.readEvents(tracked.get(0).trackingToken(), false).findFirst())
                .hasValueSatisfying(next -> assertThat(position(next)).isEqualTo(22L));
    }

    @Test
    void aCrashedReservationIsDroppedOnlyAfterTheGapTimeout() {
        engine.appendEvents(event("a", 0));
        long crashed = reserve(db, 2);
        engine.appendEvents(event("a", 1));
        GapAwareTrackingToken token = token(readAll(engine, null).get(1));
        assertThat(token.getGaps()).containsExactly(crashed, crashed + 1);

        clock.advance(Duration.ofSeconds(59));
        engine.appendEvents(event("a", 2));
        List<? extends TrackedEventMessage<?>> beforeTimeout = readAll(engine, token);
        assertThat(beforeTimeout).hasSize(1);
        token = token(beforeTimeout.get(0));
        assertThat(token.getGaps()).containsExactly(crashed, crashed + 1);

        clock.advance(Duration.ofSeconds(2)); // the commit after the gap was reserved 61 s ago
        engine.appendEvents(event("a", 3));
        List<? extends TrackedEventMessage<?>> afterTimeout = readAll(engine, token);
        assertThat(afterTimeout).hasSize(1);
        assertThat(token(afterTimeout.get(0)).getGaps()).isEmpty();
    }

    @Test
    void aLateCommitWithinTheTimeoutIsStillDelivered() {
        engine.appendEvents(event("a", 0));
        long slow = reserve(db, 1);
        engine.appendEvents(event("a", 1));
        GapAwareTrackingToken token = token(readAll(engine, null).get(1));

        clock.advance(Duration.ofSeconds(59));
        String late = insertLateCommit(db, slow, clock.instant());

        assertThat(readAll(engine, token)).singleElement().satisfies(message -> {
            assertThat(((DomainEventMessage<?>) message).getAggregateIdentifier()).isEqualTo(late);
            assertThat(token(message).getGaps()).isEmpty();
        });
    }

    /** Appends n events over several aggregates in commits of 1 to 4 events; returns their ids in order. */
    private List<String> appendRandomCommits(int n) {
        Random random = new Random(42);
        Map<String, Long> versions = new HashMap<>();
        List<String> ids = new ArrayList<>();
        while (ids.size() < n) {
            String aggregate = "agg-" + random.nextInt(10);
            int size = Math.min(1 + random.nextInt(4), n - ids.size());
            List<EventMessage<?>> commit = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                long seq = versions.merge(aggregate, 1L, Long::sum) - 1;
                commit.add(event(aggregate, seq));
            }
            engine.appendEvents(commit);
            commit.forEach(message -> ids.add(message.getIdentifier()));
        }
        return ids;
    }
}
