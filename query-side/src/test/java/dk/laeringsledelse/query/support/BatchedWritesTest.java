package dk.laeringsledelse.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dk.laeringsledelse.eventstore.testsupport.CommandRecorder;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A batch's writes: each document once, field-level updates kept field-level and in order. */
class BatchedWritesTest {

    private final CommandRecorder recorder = new CommandRecorder();
    private MongoCollection<Document> shared;
    private MongoCollection<Document> own;

    @BeforeEach
    void freshStore() {
        MongoDatabase database = TestMongo.freshDatabase(recorder);
        shared = database.getCollection("shared");
        own = database.getCollection("own");
        shared.insertOne(new Document("_id", "s1").append("other", "kept").append("list", List.of("x")));
    }

    @Test
    void setsOfABatchAreOneUpdatePerDocument_withTheLastValuePerField_andLeaveOtherFieldsAlone() {
        recorder.start();
        ProcessorBatch.run(List.of(
                () -> BatchedWrites.set(shared, "s1", "a", 1),
                () -> BatchedWrites.set(shared, "s1", "b.c", 2),
                () -> BatchedWrites.set(shared, "s1", "a", 3),
                () -> BatchedWrites.set(shared, "s2", "a", 4)));
        recorder.stop();

        assertThat(ProcessorBatch.writes(recorder.commands())).isEqualTo(Map.of("shared", 2));
        assertThat(document(shared, "s1")).isEqualTo(new Document("_id", "s1").append("other", "kept")
                .append("list", List.of("x")).append("a", 3).append("b", new Document("c", 2)));
        assertThat(document(shared, "s2")).isEqualTo(new Document("_id", "s2").append("a", 4));
    }

    @Test
    void addsAndPullsOfADocumentKeepTheirOrder_andAReadInTheBatchSeesThem() {
        List<Object> seen = new ArrayList<>();
        recorder.start();
        ProcessorBatch.run(List.of(
                () -> BatchedWrites.addToSet(shared, "s1", "list", "a"),
                () -> BatchedWrites.addToSet(shared, "s1", "list", "b"),
                () -> BatchedWrites.pull(shared, "s1", "list", "a"),
                () -> seen.add(BatchedWrites.find(shared, "s1").get("list")),
                () -> BatchedWrites.addToSet(shared, "s1", "list", "a"),
                () -> BatchedWrites.addToSet(shared, "s1", "list", "x"),
                () -> BatchedWrites.pull(shared, "missing", "list", "a")));
        recorder.stop();

        assertThat(seen).containsExactly(List.of("x", "b"));
        assertThat(document(shared, "s1").getList("list", String.class)).containsExactly("x", "b", "a");
        assertThat(document(shared, "missing")).as("a pull inserts nothing").isNull();
        // adds a+b, pull a (written for the read); then add a+x, the other document's pull
        assertThat(ProcessorBatch.writes(recorder.commands())).isEqualTo(Map.of("shared", 4));
    }

    @Test
    void aBatchWritesItsFieldLevelUpdatesBeforeItsReplacedDocuments() {
        recorder.start();
        ProcessorBatch.run(List.of(
                () -> BatchedWrites.replace(own, "o1", new Document("_id", "o1").append("version", 1)),
                () -> BatchedWrites.addToSet(shared, "s1", "list", "a"),
                () -> BatchedWrites.replace(own, "o1", new Document("_id", "o1").append("version", 2))));
        recorder.stop();

        assertThat(recorder.commands()).extracting(c -> c.getString("update").getValue())
                .containsExactly("shared", "own");
        assertThat(document(own, "o1").getInteger("version")).isEqualTo(2);
    }

    @Test
    void outsideABatchEveryWriteGoesStraightToTheStore() {
        BatchedWrites.set(shared, "s1", "a", 1);
        assertThat(document(shared, "s1").getInteger("a")).isEqualTo(1);
        BatchedWrites.addToSet(shared, "s1", "list", "a");
        BatchedWrites.pull(shared, "s1", "list", "x");
        assertThat(document(shared, "s1").getList("list", String.class)).containsExactly("a");
        BatchedWrites.replace(own, "o1", new Document("_id", "o1"));
        assertThat(BatchedWrites.find(own, "o1")).isEqualTo(new Document("_id", "o1"));
    }

    private static Document document(MongoCollection<Document> collection, String id) {
        return collection.find(Filters.eq("_id", id)).first();
    }
}
