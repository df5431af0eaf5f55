package dk.laeringsledelse.query.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aDocumentReplacedAfterItWasLookedUp_isFoundByTheProcessorsNextBatchWithoutReadingTheStore() {
        BatchedWrites.RecentWrites recent = new BatchedWrites.RecentWrites(1_000_000);
        ProcessorBatch.run(List.of(() -> {
            Document view = BatchedWrites.find(own, "o1");
            assertThat(view).isNull();
            BatchedWrites.replace(own, "o1", new Document("_id", "o1").append("signs", 1));
        }), recent);

        recorder.start();
        List<Document> seen = new ArrayList<>();
        ProcessorBatch.run(List.of(() -> seen.add(BatchedWrites.find(own, "o1"))), recent);
        recorder.stop();

        assertThat(seen).containsExactly(new Document("_id", "o1").append("signs", 1));
        assertThat(recorder.commands()).noneMatch(command -> command.getFirstKey().equals("find"));
    }

    @Test
    void aDocumentOnlyWritten_isNotKept() {
        BatchedWrites.RecentWrites recent = new BatchedWrites.RecentWrites(1_000_000);
        ProcessorBatch.run(List.of(() -> BatchedWrites.replace(own, "e1", new Document("_id", "e1"))), recent);

        assertThat(recent.size()).isZero();
    }

    @Test
    void aDocumentWrittenAgainWithoutALookUp_isForgotten_soTheNextBatchReadsWhatIsStored() {
        BatchedWrites.RecentWrites recent = new BatchedWrites.RecentWrites(1_000_000);
        lookUpAndWrite(recent, new Document("_id", "o1").append("signs", 1));
        ProcessorBatch.run(List.of(() ->
                BatchedWrites.replace(own, "o1", new Document("_id", "o1").append("signs", 2))), recent);

        assertThat(signsFoundInABatch(recent)).isEqualTo(2);
    }

    @Test
    void aFailedBatchForgetsWhatWasKept_soTheNextBatchReadsWhatIsStored() {
        BatchedWrites.RecentWrites recent = new BatchedWrites.RecentWrites(1_000_000);
        lookUpAndWrite(recent, new Document("_id", "o1").append("signs", 1));

        assertThatThrownBy(() -> ProcessorBatch.run(List.of(() -> {
            BatchedWrites.find(own, "o1").put("signs", 2); // changed for a write that never happens
            throw new IllegalStateException("the store went away");
        }), recent)).isInstanceOf(AssertionError.class);

        assertThat(recent.size()).isZero();
        assertThat(signsFoundInABatch(recent)).isEqualTo(1);
    }

    @Test
    void anObjectFoundInOneBatch_isNotTheObjectALaterBatchChanges() {
        BatchedWrites.RecentWrites recent = new BatchedWrites.RecentWrites(1_000_000);
        List<Counter> seen = new ArrayList<>();
        Runnable addOne = () -> {
            Counter counter = BatchedWrites.find(own, "c1", Counter.class, d -> new Counter(d.getInteger("n")));
            Counter next = counter == null ? new Counter(1) : new Counter(counter.n + 1);
            seen.add(next);
            BatchedWrites.replace(own, "c1", next, c -> new Document("_id", "c1").append("n", c.n));
        };
        ProcessorBatch.run(List.of(addOne), recent);
        ProcessorBatch.run(List.of(addOne), recent);

        assertThat(seen).extracting(c -> c.n).containsExactly(1, 2);
        assertThat(document(own, "c1").getInteger("n")).isEqualTo(2);
    }

    @Test
    void theLeastRecentlyUsedDocumentsGoBeyondTheBudgetOfBytes() {
        String text = "x".repeat(1_000);
        BatchedWrites.RecentWrites recent = new BatchedWrites.RecentWrites(2_500); // two documents of ~1 KB
        for (String id : List.of("a", "b", "c")) {
            lookUpAndWrite(recent, new Document("_id", id).append("text", text));
        }
        assertThat(recent.size()).isEqualTo(2);

        recorder.start();
        ProcessorBatch.run(List.of(() -> BatchedWrites.find(own, "a"), () -> BatchedWrites.find(own, "c")), recent);
        recorder.stop();
        assertThat(recorder.commands()).filteredOn(command -> command.getFirstKey().equals("find"))
                .singleElement().satisfies(find -> assertThat(find.toJson()).contains("\"a\""));
    }

    @Test
    void aDocumentFoundIsTheProjectionsOwn_changingItChangesNothingKept() {
        BatchedWrites.RecentWrites recent = new BatchedWrites.RecentWrites(1_000_000);
        lookUpAndWrite(recent, new Document("_id", "o1").append("signs", 1));

        ProcessorBatch.run(List.of(() -> BatchedWrites.find(own, "o1").put("signs", 99)), recent);

        assertThat(signsFoundInABatch(recent)).isEqualTo(1);
    }

    private record Counter(int n) {
    }

    /** What a batch of the processor finds in the field {@code signs} of document o1. */
    private Object signsFoundInABatch(BatchedWrites.RecentWrites recent) {
        List<Object> seen = new ArrayList<>();
        ProcessorBatch.run(List.of(() -> seen.add(BatchedWrites.find(own, "o1").get("signs"))), recent);
        return seen.get(0);
    }

    /** A batch of the processor that looks the document up (finding none or an older one) and writes it. */
    private void lookUpAndWrite(BatchedWrites.RecentWrites recent, Document document) {
        Object id = document.get("_id");
        ProcessorBatch.run(List.of(() -> {
            BatchedWrites.find(own, id);
            BatchedWrites.replace(own, id, document);
        }), recent);
    }

    private static Document document(MongoCollection<Document> collection, String id) {
        return collection.find(Filters.eq("_id", id)).first();
    }
}
