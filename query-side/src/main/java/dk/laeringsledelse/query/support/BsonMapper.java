package dk.laeringsledelse.query.support;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Read-model objects to and from BSON documents through Jackson, so a view class is the single description of
 * its document. An {@link Instant} is stored as a BSON date (millisecond precision), so MongoDB tools sort and
 * filter it as a time; a {@link java.time.LocalDate} (a calendar day, no time of day nor zone) stays an ISO-8601
 * string ({@code 2026-11-24}), which sorts as text in date order.
 *
 * <p>The conversion goes through Jackson's tree, not through JSON text: the documents are the ones parsing the JSON
 * gave (whole numbers as 32-bit integers where they fit, other numbers as doubles), at a fraction of the cost, which
 * matters because projections map a view per event.
 */
public final class BsonMapper {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .addModule(new SimpleModule("bson-dates").addSerializer(Instant.class, new InstantAsDate()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BsonMapper() {
    }

    public static Document toDocument(Object value) {
        JsonNode tree = JSON.valueToTree(value);
        if (!tree.isObject()) {
            throw new IllegalStateException("cannot map " + value.getClass().getSimpleName() + " to a BSON document");
        }
        return (Document) fromNode(tree);
    }

    public static <T> T fromDocument(Document document, Class<T> type) {
        try {
            return JSON.treeToValue(toNode(document), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + type.getSimpleName() + " from BSON", e);
        }
    }

    private static Object fromNode(JsonNode node) {
        if (node.isObject()) {
            Document document = new Document();
            node.fields().forEachRemaining(field -> document.append(field.getKey(), fromNode(field.getValue())));
            return document;
        }
        if (node.isArray()) {
            List<Object> values = new ArrayList<>(node.size());
            node.forEach(element -> values.add(fromNode(element)));
            return values;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node instanceof POJONode pojo && pojo.getPojo() instanceof Date date) {
            return date;
        }
        return node.asText(); // text, and what JSON would have written as text (binary as base64)
    }

    private static JsonNode toNode(Object value) {
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, element) -> object.set(String.valueOf(key), toNode(element)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            list.forEach(element -> array.add(toNode(element)));
            return array;
        }
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Double number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof Date date) {
            return NODES.textNode(date.toInstant().toString());
        }
        return NODES.textNode(value.toString()); // ids and the like
    }

    /** An instant into the tree as a {@link Date} (a POJO node), which {@link #fromNode} keeps as a BSON date. */
    private static final class InstantAsDate extends StdSerializer<Instant> {

        InstantAsDate() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeEmbeddedObject(Date.from(value));
        }
    }
}
