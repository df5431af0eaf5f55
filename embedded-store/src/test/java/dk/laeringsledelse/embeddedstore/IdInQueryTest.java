package dk.laeringsledelse.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An {@code _id $in} answers as on MongoDB: the embedded store takes what the {@code _id} index found as the answer. */
class IdInQueryTest {

    @TempDir
    Path dataDir;

    private List<Object> ids(MongoCollection<Document> things, Bson filter) {
        return things.find(filter).into(new ArrayList<>()).stream().map(d -> d.get("_id")).toList();
    }

    @Test
    void findsExactlyTheNamedIds_whateverTheirNumberType() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("query").getCollection("things");
            for (long id = 1; id <= 300; id++) {
                things.insertOne(new Document("_id", id).append("even", id % 2 == 0));
            }
            things.insertOne(new Document("_id", "cycle-a").append("even", false));
            things.insertOne(new Document("_id", "cycle-b").append("even", true));

            assertThat(ids(things, Filters.in("_id", 2, 3L, 4.0, "cycle-a", "absent", 999L)))
                    .containsExactlyInAnyOrder(2L, 3L, 4L, "cycle-a");
            List<Long> window = new ArrayList<>();
            for (long id = 101; id <= 250; id++) {
                window.add(id);
            }
            assertThat(ids(things, Filters.in("_id", window))).hasSize(150).containsAll(window);
            assertThat(ids(things, Filters.in("_id", List.of()))).isEmpty();
            // with a further condition every found document is still matched
            assertThat(ids(things, Filters.and(Filters.in("_id", 2L, 3L, 4L), Filters.eq("even", true))))
                    .containsExactlyInAnyOrder(2L, 4L);
        }
    }
}
