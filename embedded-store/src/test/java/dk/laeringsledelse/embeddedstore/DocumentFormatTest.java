package dk.laeringsledelse.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents are stored as BSON and unique-index keys in {@link IndexKeyType}; both read back from the file as written,
 * and the indexes read back still find and guard.
 */
class DocumentFormatTest {

    @TempDir
    Path dataDir;

    private static Document sample(long id) {
        return new Document("_id", id)
                .append("text", "Barnet brugte ordet kæmpestor")
                .append("n", 42).append("big", 1L << 40).append("ratio", 0.25).append("flag", true)
                .append("none", null)
                .append("at", new Date(1_700_000_000_000L))
                .append("oid", new ObjectId("64b7f0c2a1b2c3d4e5f60718"))
                .append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("decimal", Decimal128.parse("12.50"))
                .append("nested", new Document("list", List.of(1, "two", new Document("three", 3L))));
    }

    @Test
    void documentsRoundTripThroughTheFile() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            client.getDatabase("format").getCollection("views").insertOne(sample(1));
        }

        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> views = client.getDatabase("format").getCollection("views");
            assertThat(views.find(new Document("_id", 1L)).first()).isEqualTo(sample(1));
            views.insertOne(sample(2));
            views.replaceOne(new Document("_id", 1L), sample(1).append("changed", "yes"));
        }

        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> views = client.getDatabase("format").getCollection("views");
            assertThat(views.find().into(new ArrayList<>()))
                    .containsExactlyInAnyOrder(sample(1).append("changed", "yes"), sample(2));
            assertThat(views.find(new Document("text", "Barnet brugte ordet kæmpestor")).into(new ArrayList<>()))
                    .hasSize(2);
        }
    }

    /**
     * The BSON of unchanged documents is reused when a commit writes their page out again; the H2 backend changes a
     * stored document in place on update, and what it then writes must be the changed document.
     */
    @Test
    void documentsChangedInPlaceAreWrittenAsChanged() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> views = client.getDatabase("format").getCollection("views");
            for (long id = 0; id < 40; id++) {
                views.insertOne(sample(id).append("signs", new ArrayList<>(List.of("first"))));
            }
        }
        for (int opening = 0; opening < 2; opening++) { // the second changes documents read back from the file
            try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, "127.0.0.1", 0);
                 MongoClient client = MongoClients.create(store.connectionString())) {
                MongoCollection<Document> views = client.getDatabase("format").getCollection("views");
                assertThat(views.find().into(new ArrayList<>())).hasSize(40);
                views.updateOne(new Document("_id", 7L), new Document("$push", new Document("signs", "then " + opening)));
                views.updateOne(new Document("_id", 8L), new Document("$set", new Document("text", "ændret " + opening)));
                views.replaceOne(new Document("_id", 9L), sample(9).append("signs", List.of("replaced " + opening)));
                views.findOneAndUpdate(new Document("_id", 10L), new Document("$inc", new Document("n", 1)));
            }
        }
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> views = client.getDatabase("format").getCollection("views");
            assertThat(views.find(new Document("_id", 7L)).first().getList("signs", String.class))
                    .containsExactly("first", "then 0", "then 1");
            assertThat(views.find(new Document("_id", 8L)).first()).containsEntry("text", "ændret 1");
            assertThat(views.find(new Document("_id", 9L)).first().getList("signs", String.class))
                    .containsExactly("replaced 1");
            assertThat(views.find(new Document("_id", 10L)).first()).containsEntry("n", 44);
            assertThat(views.find(new Document("_id", 11L)).first())
                    .isEqualTo(sample(11).append("signs", List.of("first")));
        }
    }

    /** Names of varied length, inserted out of order. */
    private static String cycleOf(long seq) {
        return "cycle-" + seq * 7919 % 1000;
    }

    @Test
    void uniqueIndexesReadBackFromTheFileKeepFindingAndGuarding() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> commits = client.getDatabase("format").getCollection("commits");
            commits.createIndex(new Document("aggregateId", 1).append("seq", 1), new IndexOptions().unique(true));
            for (long seq = 0; seq < 500; seq++) {
                commits.insertOne(new Document("_id", seq).append("aggregateId", cycleOf(seq)).append("seq", seq));
            }
        }

        for (int opening = 0; opening < 2; opening++) { // the second also finds what the first added
            long run = opening;
            try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, "127.0.0.1", 0);
                 MongoClient client = MongoClients.create(store.connectionString())) {
                MongoCollection<Document> commits = client.getDatabase("format").getCollection("commits");
                for (long seq = 0; seq < 500; seq += 37) {
                    assertThat(commits.find(new Document("aggregateId", cycleOf(seq)).append("seq", seq))
                            .first()).containsEntry("_id", seq);
                    assertThat(commits.find(new Document("_id", seq)).first()).isNotNull();
                }
                long duplicate = 3;
                assertThatThrownBy(() -> commits.insertOne(new Document("_id", 10_000L + run)
                        .append("aggregateId", cycleOf(duplicate)).append("seq", duplicate)))
                        .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
                assertThatThrownBy(() -> commits.insertOne(new Document("_id", 42L)))
                        .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
                commits.insertOne(new Document("_id", 1_000L + run).append("aggregateId", "new").append("seq", run));
                assertThat(commits.countDocuments()).isEqualTo(501 + run);
            }
        }
    }

    @Test
    void indexKeysOfEveryScalarTypeFindTheirDocumentAndRejectTheirDuplicate() {
        List<Object> keys = List.of("Solsikken", 7, 7L, 7.0, true, false, new Date(1_700_000_000_000L),
                new ObjectId("64b7f0c2a1b2c3d4e5f60718"), new Document("nested", "key"), "", "æøå");
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("format").getCollection("things");
            things.createIndex(new Document("key", 1).append("part", 1), new IndexOptions().unique(true));
            for (int i = 0; i < keys.size(); i++) {
                things.insertOne(new Document("_id", "id-" + i).append("key", keys.get(i)).append("part", i));
            }
            things.insertOne(new Document("_id", "without-key")); // a missing key is a key of its own
            for (int i = 0; i < keys.size(); i++) {
                Document key = new Document("key", keys.get(i)).append("part", i);
                assertThat(things.find(key).into(new ArrayList<>())).extracting(d -> d.get("_id"))
                        .as("lookup of %s", keys.get(i)).contains("id-" + i);
                assertThatThrownBy(() -> things.insertOne(new Document(key).append("_id", "again")))
                        .isInstanceOf(MongoWriteException.class);
            }
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "without-key-again")))
                    .isInstanceOf(MongoWriteException.class);
        }
    }
}
