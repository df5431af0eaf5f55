package dk.laeringsledelse.eventstore;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.ascending;
import static dk.laeringsledelse.eventstore.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

class HashChainTest {

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final MongoEventStorageEngine engine = Fixtures.engine(db);

    @Test
    void eventsAreChainedWithinAndAcrossCommitsAndRecomputable() {
        engine.appendEvents(event("a", 0), event("a", 1));
        engine.appendEvents(event("b", 0));
        engine.appendEvents(event("a", 2));

        List<Document> chain = chainOf("a");

        assertThat(chain).hasSize(3);
        assertThat(chain.get(0).get("prevHash")).isNull();
        assertThat(chain.get(1).get("prevHash")).isEqualTo(chain.get(0).get("hash"));
        assertThat(chain.get(2).get("prevHash")).isEqualTo(chain.get(1).get("hash"));
        assertThat(chain).allSatisfy(event -> {
            assertThat(event.getString("hash")).matches("[0-9a-f]{64}");
            assertThat(EventHash.of(event)).isEqualTo(event.getString("hash"));
        });
    }

    @Test
    void twoInstancesAppendingInTurnKeepOneChain() {
        MongoEventStorageEngine other = Fixtures.engine(db); // a second node: its remembered hashes are its own
        engine.appendEvents(event("a", 0));
        other.readEvents("a").asStream().count();
        other.appendEvents(event("a", 1));
        engine.readEvents("a").asStream().count();
        engine.appendEvents(event("a", 2));
        other.appendEvents(event("a", 3)); // remembers its own event 1 only: must look event 2's hash up

        List<Document> chain = chainOf("a");
        assertThat(chain).hasSize(4);
        for (int i = 1; i < chain.size(); i++) {
            assertThat(chain.get(i).get("prevHash")).as("event %d", i).isEqualTo(chain.get(i - 1).get("hash"));
        }
    }

    private List<Document> chainOf(String aggregateId) {
        return db.getCollection(MongoEventStorageEngine.EVENTS).find(eq("aggregateId", aggregateId))
                 .sort(ascending("firstSeq")).into(new java.util.ArrayList<>()).stream()
                 .flatMap(commit -> commit.getList("events", Document.class).stream()).toList();
    }

    @Test
    void anyChangeOfAStoredEventBreaksItsHash() {
        engine.appendEvents(event("a", 0));
        Document event = db.getCollection(MongoEventStorageEngine.EVENTS).find(eq("aggregateId", "a")).first()
                           .getList("events", Document.class).get(0);

        event.get("payload", Document.class).put("n", 99);

        assertThat(EventHash.of(event)).isNotEqualTo(event.getString("hash"));
    }

    @Test
    void canonicalJsonSortsKeysRecursively() {
        Document value = Document.parse("{\"b\": [1, {\"y\": \"q\\\"\", \"x\": 2.5}], \"a\": {\"d\": null, \"c\": true}}");

        assertThat(EventHash.canonicalJson(value))
                .isEqualTo("{\"a\":{\"c\":true,\"d\":null},\"b\":[1,{\"x\":2.5,\"y\":\"q\\\"\"}]}");
    }
}
