package dk.laeringsledelse.embeddedstore;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store writes a collection's documents into its file: as BSON, the way they came over the wire.
 * The H2 backend's default would write each document with Java serialization, a fresh object stream per document,
 * and every commit rewrites whole pages of them: most of an event commit's time.
 *
 * <p>A commit writes out every document of each page it changed, most of them unchanged, so each document's BSON
 * is kept while the document is in memory ({@link Encodings}) and encoded again only when it changed.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /**
     * Marks a document of this type, so that a file of any other format fails on its first document rather than being
     * read as garbage; outside the tags of H2's {@link ObjectDataType} (which end below 128).
     */
    private static final byte BSON = (byte) 0xB5;

    private BsonDocumentType() {
    }

    private final Encodings encodings = new Encodings();

    @Override
    public void write(WriteBuffer buffer, Document document) {
        byte[] bson = encodings.get(document);
        if (bson == null) {
            bson = encode(document);
            encodings.put(document, bson);
        }
        buffer.put(BSON).putVarInt(bson.length).put(bson);
    }

    private static byte[] encode(Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            byte[] bytes = new byte[bson.readableBytes()];
            bson.readBytes(bytes);
            return bytes;
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        byte tag = buffer.get();
        if (tag != BSON) {
            throw new IllegalStateException("Not a document of the embedded store (tag " + tag + ")");
        }
        byte[] bson = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bson);
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
        encodings.put(document, bson);
        return document;
    }

    /**
     * The stored document was changed in place: the H2 backend applies an update to the stored instance itself and
     * then puts that instance again. Every write command does this before a commit can run (they exclude each other).
     */
    void changed(Document document) {
        encodings.forget(document);
    }

    /** Values are never ordered; MVStore only asks whether two are equal. */
    @Override
    public int compare(Document a, Document b) {
        return a.equals(b) ? 0 : 1;
    }

    /** An estimate of the heap a document takes, which decides when MVStore splits a page. */
    @Override
    public int getMemory(Document document) {
        return estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 32 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            int size = 40;
            for (Object element : values) {
                size += 8 + estimate(element);
            }
            return size;
        }
        if (value instanceof String text) {
            return 40 + 2 * text.length();
        }
        if (value instanceof byte[] bytes) {
            return 24 + bytes.length;
        }
        return 24;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /**
     * The BSON of the documents in memory, by identity (documents with equal content are different entries), for as
     * long as the document itself is in memory: a document no page or reader holds any longer is forgotten.
     */
    private static final class Encodings {

        private final ReferenceQueue<Document> collected = new ReferenceQueue<>();
        private final ConcurrentHashMap<Identity, byte[]> bson = new ConcurrentHashMap<>();

        byte[] get(Document document) {
            return bson.get(new Lookup(document));
        }

        void put(Document document, byte[] encoded) {
            for (Reference<?> gone; (gone = collected.poll()) != null; ) {
                bson.remove((Identity) gone);
            }
            bson.put(new Held(document, collected), encoded);
        }

        void forget(Document document) {
            bson.remove(new Lookup(document));
        }

        private interface Identity {
            Object document();
        }

        private static boolean sameDocument(Identity one, Object other) {
            return one == other || other instanceof Identity identity && one.document() != null
                    && one.document() == identity.document();
        }

        private record Lookup(Document document) implements Identity {
            @Override
            public boolean equals(Object other) {
                return sameDocument(this, other);
            }

            @Override
            public int hashCode() {
                return System.identityHashCode(document);
            }
        }

        private static final class Held extends WeakReference<Document> implements Identity {
            private final int hash;

            Held(Document document, ReferenceQueue<Document> queue) {
                super(document, queue);
                this.hash = System.identityHashCode(document);
            }

            @Override
            public Object document() {
                return get();
            }

            @Override
            public boolean equals(Object other) {
                return sameDocument(this, other);
            }

            @Override
            public int hashCode() {
                return hash;
            }
        }
    }
}
