package dk.laeringsledelse.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dk.laeringsledelse.eventstore.Fixtures.event;
import static dk.laeringsledelse.eventstore.Fixtures.readAll;
import static dk.laeringsledelse.eventstore.Fixtures.reserve;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server uses an index only for _id / unique-key lookups; a range or non-unique query scans the whole
 * collection. So the cost of append, aggregate load and tracking fetch stays independent of the store's size if
 * every command they send is such a lookup. This test inspects the commands on the wire.
 */
class QueryShapeTest {

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
    private final MongoEventStorageEngine engine = Fixtures.builder(db).batchSize(10).build();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void hotPathsOnlyLookUpByUniqueKeys() {
        for (int i = 0; i < 30; i++) {
            engine.appendEvents(event("a", 2L * i), event("a", 2L * i + 1));
            engine.appendEvents(event("other-" + i, 0));
        }
        reserve(db, 1); // an open gap
        engine.appendEvents(event("b", 0));
        engine.appendEvents(event("b", 1));
        GapAwareTrackingToken gapped = (GapAwareTrackingToken) readAll(engine, null).get(90).trackingToken();
        assertThat(gapped.getGaps()).hasSize(1);

        commands.clear();
        engine.appendEvents(event("a", 60));
        assertThat(commands).as("append after its own append: reserve, insert (previous hash remembered)").hasSize(2);
        assertAllLookUpByUniqueKeys();

        MongoEventStorageEngine otherInstance = Fixtures.builder(db).batchSize(10).build();
        commands.clear();
        otherInstance.appendEvents(event("a", 61));
        assertThat(commands).as("append by another instance: previous hash, reserve, insert").hasSize(3);
        assertAllLookUpByUniqueKeys();

        commands.clear();
        assertThat(engine.readEvents("a").asStream()).hasSize(62);
        assertThat(commands).as("load: one lookup per commit plus the miss at the end").hasSize(33);
        assertAllLookUpByUniqueKeys();

        commands.clear();
        List<? extends TrackedEventMessage<?>> fetched = readAll(engine, gapped);
        assertThat(fetched).hasSize(3); // b#1, a#60 and a#61
        assertAllLookUpByUniqueKeys();
        assertThat(commands).as("tracking: the counter, the window up to it with the open gap, the gap check; twice").hasSizeLessThanOrEqualTo(6);

        commands.clear();
        engine.createHeadToken();
        engine.lastSequenceNumberFor("b");
        assertAllLookUpByUniqueKeys();
    }

    @Test
    void aSecondTrackerReadsTheCommitsTheFirstJustRead() {
        for (int i = 0; i < 25; i++) {
            engine.appendEvents(event("c-" + i, 0));
        }
        assertThat(readAll(engine, null)).hasSize(25);

        commands.clear();
        assertThat(readAll(engine, null)).hasSize(25);

        assertThat(commands).as("only the position counter is read again")
                .allSatisfy(command -> assertThat(command.getString("find").getValue()).isEqualTo("sequences"));
    }

    private void assertAllLookUpByUniqueKeys() {
        assertThat(commands).isNotEmpty().allSatisfy(command -> {
            String name = command.getFirstKey();
            switch (name) {
                case "insert" -> { }
                case "findAndModify" -> assertThat(command.getDocument("query"))
                        .isEqualTo(BsonDocument.parse("{_id: 'events'}"));
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
        assertThat(keys).as(filter.toJson()).hasSize(1).containsAnyOf("_id", "first");
        BsonValue condition = filter.values().iterator().next();
        if (condition.isDocument()) {
            assertThat(condition.asDocument().keySet()).as(filter.toJson()).containsExactly("$in");
        }
    }
}
