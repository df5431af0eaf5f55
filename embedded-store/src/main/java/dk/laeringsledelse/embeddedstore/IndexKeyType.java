package dk.laeringsledelse.embeddedstore;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store writes and orders the keys of a unique index. H2's default type knows no {@link KeyValue}:
 * it would Java-serialise both keys on every comparison of a lookup, and every key of a changed page at every commit,
 * a quarter of the store's CPU under load. This type writes the usual scalar values compactly and compares
 * them directly; anything else (a sub-document as key) still goes through Java serialization. Only exact lookups rely
 * on the order.
 */
final class IndexKeyType extends BasicDataType<Object> {

    /**
     * Marks a key of this type, so that a file of any other format fails on its first key rather than being read as
     * garbage; outside the tags of H2's {@link ObjectDataType} (which end below 128) and apart from BSON documents' tag.
     */
    private static final byte KEY = (byte) 0xB6;

    private static final byte NULL = 0;
    private static final byte MISSING = 1;
    private static final byte FALSE = 2;
    private static final byte TRUE = 3;
    private static final byte INT = 4;
    private static final byte LONG = 5;
    private static final byte DOUBLE = 6;
    private static final byte STRING = 7;
    private static final byte DATE = 8;
    private static final byte INSTANT = 9;
    private static final byte UUID_VALUE = 10;
    private static final byte OBJECT_ID = 11;
    private static final byte SERIALIZED = 12;

    @Override
    public void write(WriteBuffer buffer, Object key) {
        KeyValue values = (KeyValue) key; // an index map holds nothing else
        buffer.put(KEY).putVarInt(values.size());
        for (Object value : values) {
            writeValue(buffer, value);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        byte tag = buffer.get();
        if (tag != KEY) {
            throw new IllegalStateException("Not an index key of the embedded store (tag " + tag + ")");
        }
        int size = DataUtils.readVarInt(buffer);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(readValue(buffer));
        }
        return new KeyValue(values);
    }

    @Override
    public int compare(Object a, Object b) {
        KeyValue left = (KeyValue) a;
        KeyValue right = (KeyValue) b;
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int compared = compareValues(left.get(i), right.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    @Override
    public int getMemory(Object key) {
        int size = 48;
        for (Object value : (KeyValue) key) {
            size += value instanceof String text ? 48 + 2 * text.length() : 32;
        }
        return size;
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    private static void writeValue(WriteBuffer buffer, Object value) {
        byte tag = tag(value);
        buffer.put(tag);
        switch (tag) {
            case INT -> buffer.putInt((Integer) value);
            case LONG -> buffer.putLong((Long) value);
            case DOUBLE -> buffer.putDouble((Double) value);
            case STRING -> {
                String text = (String) value;
                buffer.putVarInt(text.length()).putStringData(text, text.length());
            }
            case DATE -> buffer.putLong(((Date) value).getTime());
            case INSTANT -> buffer.putLong(((Instant) value).getEpochSecond()).putInt(((Instant) value).getNano());
            case UUID_VALUE -> buffer.putLong(((UUID) value).getMostSignificantBits())
                    .putLong(((UUID) value).getLeastSignificantBits());
            case OBJECT_ID -> buffer.put(((ObjectId) value).toByteArray());
            case SERIALIZED -> {
                byte[] bytes = serialize(value);
                buffer.putVarInt(bytes.length).put(bytes);
            }
            default -> { } // the tag says it all
        }
    }

    private static Object readValue(ByteBuffer buffer) {
        byte tag = buffer.get();
        return switch (tag) {
            case NULL -> null;
            case MISSING -> Missing.getInstance();
            case FALSE -> Boolean.FALSE;
            case TRUE -> Boolean.TRUE;
            case INT -> buffer.getInt();
            case LONG -> buffer.getLong();
            case DOUBLE -> buffer.getDouble();
            case STRING -> DataUtils.readString(buffer);
            case DATE -> new Date(buffer.getLong());
            case INSTANT -> Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
            case UUID_VALUE -> new UUID(buffer.getLong(), buffer.getLong());
            case OBJECT_ID -> {
                byte[] bytes = new byte[12];
                buffer.get(bytes);
                yield new ObjectId(bytes);
            }
            case SERIALIZED -> {
                byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
                buffer.get(bytes);
                yield deserialize(bytes);
            }
            default -> throw new IllegalStateException("Unknown index value tag " + tag);
        };
    }

    /** The exact class decides the tag: values of different classes never compare equal, as before. */
    private static byte tag(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Missing) {
            return MISSING;
        }
        Class<?> type = value.getClass();
        if (type == Boolean.class) {
            return (Boolean) value ? TRUE : FALSE;
        }
        if (type == Integer.class) {
            return INT;
        }
        if (type == Long.class) {
            return LONG;
        }
        if (type == Double.class) {
            return DOUBLE;
        }
        if (type == String.class) {
            return STRING;
        }
        if (type == Date.class) {
            return DATE;
        }
        if (type == Instant.class) {
            return INSTANT;
        }
        if (type == UUID.class) {
            return UUID_VALUE;
        }
        if (type == ObjectId.class) {
            return OBJECT_ID;
        }
        return SERIALIZED;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        byte left = tag(a);
        byte right = tag(b);
        if (left != right) {
            return Byte.compare(left, right);
        }
        return switch (left) {
            case NULL, MISSING, FALSE, TRUE -> 0;
            case SERIALIZED -> compareSerialized(a, b);
            default -> ((Comparable) a).compareTo(b);
        };
    }

    /** Rare values (documents, binaries as keys): by class, then by their serialized bytes, as H2 itself would. */
    private static int compareSerialized(Object a, Object b) {
        int byClass = a.getClass().getName().compareTo(b.getClass().getName());
        if (byClass != 0) {
            return byClass;
        }
        return a.equals(b) ? 0 : Arrays.compareUnsigned(serialize(a), serialize(b));
    }

    private static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
