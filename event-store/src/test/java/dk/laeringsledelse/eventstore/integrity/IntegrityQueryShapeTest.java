package dk.laeringsledelse.eventstore.integrity;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dk.laeringsledelse.eventstore.Fixtures;
import dk.laeringsledelse.eventstore.Fixtures.MutableClock;
import dk.laeringsledelse.eventstore.MongoEventStorageEngine;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dk.laeringsledelse.eventstore.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * As {@code QueryShapeTest} for the engine: sealing and verification send only {@code _id} look-ups
 * ({@code $in} a list of ids) and exact matches on the unique keys, which the embedded server answers from an
 * index, so their cost does not grow with the store.
 */
class IntegrityQueryShapeTest {

    private final List<BsonDocument> commands = new CopyOnWriteArrayList<>();
    private final String dbName = "shape_" + UUID.randomUUID().toString().replace("-", "");
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(TestMongo.connectionString()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (dbName.equals(event.getDatabaseName())) {
                        commands.add(event.getCommand().clone());
                    }
                }
            })
            .build());
    private final MongoDatabase db = client.getDatabase(dbName);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
    private final MongoEventStorageEngine engine = Fixtures.builder(db).clock(clock).build();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void sealingAndVerificationOnlyLookUpByIdAndUniqueKeys() {
        for (int i = 0; i < 20; i++) {
            engine.appendEvents(event("a", 2L * i), event("a", 2L * i + 1));
            engine.appendEvents(event("other-" + i, 0));
        }
        Fixtures.reserve(db, 1); // a crashed writer's gap
        engine.appendEvents(event("b", 0));
        clock.advance(Duration.ofMinutes(2));

        commands.clear();
        assertThat(new ChainSealer(db, Duration.ofSeconds(60), clock, 25).sealAvailable()).hasSize(3);
        assertAllLookUpByIdOrUniqueKeys();

        commands.clear();
        assertThat(new IntegrityVerifier(db).verifyAggregate("a").ok()).isTrue();
        // the seal hint and the head, a lookup per commit (20) and the miss at the end, and for each of the 3 seals
        // its binary search (from the seal before) and its read: 2 + 21 + 7
        assertThat(commands).hasSize(30);
        assertAllLookUpByIdOrUniqueKeys();

        commands.clear();
        assertThat(new IntegrityVerifier(db).verifyAll().ok()).isTrue();
        assertAllLookUpByIdOrUniqueKeys();
    }

    private void assertAllLookUpByIdOrUniqueKeys() {
        assertThat(commands).isNotEmpty().allSatisfy(command -> {
            switch (command.getFirstKey()) {
                case "insert" -> assertThat(command.getString("insert").getValue()).isEqualTo(ChainSealer.SEALS);
                case "update" -> assertThat(command.getArray("updates")).allSatisfy(update -> assertThat(
                        update.asDocument().getDocument("q")).isEqualTo(BsonDocument.parse("{_id: 'chain_seals'}")));
                case "find" -> assertUniqueLookup(command.getDocument("filter"));
                default -> throw new AssertionError("unexpected command " + command.toJson());
            }
        });
    }

    private static void assertUniqueLookup(BsonDocument filter) {
        Set<String> keys = filter.keySet();
        if (keys.equals(Set.of("aggregateId", "firstSeq")) || keys.equals(Set.of("aggregateId", "lastSeq"))) {
            assertThat(filter.values()).as(filter.toJson()).noneMatch(BsonValue::isDocument); // exact values
            return;
        }
        assertThat(keys).as(filter.toJson()).containsExactly("_id");
        BsonValue condition = filter.get("_id");
        if (condition.isDocument()) {
            assertThat(condition.asDocument().keySet()).as(filter.toJson()).containsExactly("$in");
        }
    }
}
