package dk.laeringsledelse.query.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Read-model objects to and from BSON documents through Jackson, so a view class is the single description of
 * its document. Dates are ISO-8601 strings, readable with any MongoDB tool and ordered as text.
 */
public final class BsonMapper {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private BsonMapper() {
    }

    public static Document toDocument(Object value) {
        try {
            return Document.parse(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot map " + value.getClass().getSimpleName() + " to BSON", e);
        }
    }

    public static <T> T fromDocument(Document document, Class<T> type) {
        try {
            return JSON.readValue(document.toJson(RELAXED), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + type.getSimpleName() + " from BSON", e);
        }
    }
}
