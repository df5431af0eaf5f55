package dk.laeringsledelse.query.measurement;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dk.laeringsledelse.query.support.BsonMapper;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** The {@code institution_measurements} collection, read only by {@code _id}. */
@Component
public class MeasurementStore {

    private final MongoCollection<Document> measurements;

    public MeasurementStore(MongoDatabase database) {
        this.measurements = database.getCollection("institution_measurements");
    }

    public Optional<InstitutionMeasurementsView> find(String institutionId) {
        return Optional.ofNullable(measurements.find(Filters.eq("_id", institutionId)).first())
                .map(d -> BsonMapper.fromDocument(d, InstitutionMeasurementsView.class));
    }

    void save(InstitutionMeasurementsView view) {
        measurements.replaceOne(Filters.eq("_id", view.institutionId), BsonMapper.toDocument(view),
                new ReplaceOptions().upsert(true));
    }

    void deleteAll() {
        measurements.deleteMany(new Document());
    }
}
