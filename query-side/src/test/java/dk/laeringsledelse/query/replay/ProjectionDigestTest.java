package dk.laeringsledelse.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class ProjectionDigestTest {

    private static final List<Document> CYCLES = List.of(
            new Document("_id", "c1").append("title", "Sprog").append("version", 3)
                    .append("goals", List.of(new Document("goalId", "g1").append("signs", 2))),
            new Document("_id", "c2").append("title", "Leg").append("version", 0),
            new Document("_id", "c3").append("title", "Natur").append("version", 7));

    @Test
    void doesNotDependOnInsertionOrderOrKeyOrder() {
        MongoDatabase forwards = TestMongo.freshDatabase();
        CYCLES.forEach(d -> forwards.getCollection("learning_cycles").insertOne(d));
        forwards.getCollection("team_cycles").insertOne(new Document("_id", "t1").append("cycles", List.of("c1")));

        MongoDatabase backwards = TestMongo.freshDatabase();
        backwards.getCollection("team_cycles").insertOne(new Document("cycles", List.of("c1")).append("_id", "t1"));
        for (int i = CYCLES.size() - 1; i >= 0; i--) {
            Document reordered = new Document();
            CYCLES.get(i).entrySet().stream().sorted(java.util.Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))
                    .forEach(e -> reordered.append(e.getKey(), e.getValue()));
            backwards.getCollection("learning_cycles").insertOne(reordered);
        }

        assertThat(new ProjectionDigest(backwards).digest()).isEqualTo(new ProjectionDigest(forwards).digest());
    }

    @Test
    void changesWhenAFieldChangesAndIgnoresEventsAndTokens() {
        MongoDatabase database = TestMongo.freshDatabase();
        CYCLES.forEach(d -> database.getCollection("learning_cycles").insertOne(d));
        ProjectionDigest digest = new ProjectionDigest(database);
        String before = digest.digest();

        database.getCollection("events").insertOne(new Document("_id", 1L));
        database.getCollection("trackingtokens").insertOne(new Document("processorName", "learning-cycles"));
        assertThat(digest.digest()).as("event store and tokens are not read models").isEqualTo(before);

        database.getCollection("learning_cycles").updateOne(Filters.eq("_id", "c2"), Updates.set("version", 1));
        String changed = digest.digest();
        assertThat(changed).isNotEqualTo(before);

        database.getCollection("learning_cycles").updateOne(Filters.eq("_id", "c2"), Updates.set("version", "1"));
        assertThat(digest.digest()).as("a number and a string differ").isNotEqualTo(changed);

        database.getCollection("learning_cycles").updateOne(Filters.eq("_id", "c2"), Updates.set("version", 0));
        assertThat(digest.digest()).isEqualTo(before);
    }
}
