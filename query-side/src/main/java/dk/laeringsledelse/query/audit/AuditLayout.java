package dk.laeringsledelse.query.audit;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.query.replay.ReadModelLayout;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The audit history's layout: an index of the layout before per-month starts (every month's starts in the key's
 * index) means the audit projection must be rebuilt. Every index document of such a store is of that layout, so one
 * document tells.
 */
@Component
public class AuditLayout implements ReadModelLayout {

    private final MongoDatabase database;

    public AuditLayout(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public String processor() {
        return AuditProjection.PROCESSING_GROUP;
    }

    @Override
    public boolean isOutdated() {
        return AuditDocuments.isOldLayout(database.getCollection(AuditDocuments.INDEX).find().limit(1).first());
    }
}
