package dk.laeringsledelse.query.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.stereotype.Component;

/**
 * A SHA-256 over the content of every read model: each collection by name, its documents in {@code _id} order, each
 * as canonical JSON (keys sorted at every level). Two stores whose projections hold the same content have the same
 * digest, however and in whatever order the documents were written; this is how a rebuild is compared with the
 * original.
 */
@Component
public class ProjectionDigest {

    /** Not read models: the event store's collections (with its seals of the global order), tokens, reset notes. */
    public static final Set<String> NOT_READ_MODELS =
            Set.of("events", "snapshots", "sequences", "chain_seals", "trackingtokens",
                    ProjectionReplay.UNFINISHED_RESETS);

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder()
            .outputMode(JsonMode.EXTENDED).build();

    private final MongoDatabase database;

    public ProjectionDigest(MongoDatabase database) {
        this.database = database;
    }

    /** The digest as 64 hex digits. */
    public String digest() {
        MessageDigest sha = sha256();
        digests().forEach((collection, digest) ->
                sha.update(("collection " + collection + " " + digest + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Each read model's own digest, by collection name: tells which projection differs. */
    public Map<String, String> digests() {
        Map<String, String> digests = new TreeMap<>();
        for (String collection : readModelCollections()) {
            MessageDigest sha = sha256();
            for (Document document : database.getCollection(collection).find().sort(Sorts.ascending("_id"))) {
                sha.update(canonical(document).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            digests.put(collection, HexFormat.of().formatHex(sha.digest()));
        }
        return digests;
    }

    /** The read-model collections, by name; empty ones are left out, as a reset may drop or keep them. */
    public Set<String> readModelCollections() {
        Set<String> names = new TreeSet<>();
        for (String name : database.listCollectionNames()) {
            if (!NOT_READ_MODELS.contains(name) && !name.startsWith("system.")
                    && database.getCollection(name).countDocuments() > 0) {
                names.add(name);
            }
        }
        return names;
    }

    /** Extended JSON keeps BSON types apart (an int 1 and a string "1" digest differently); keys sorted. */
    static String canonical(Document document) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.readValue(document.toJson(EXTENDED), Map.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot canonicalise document " + document.get("_id"), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
