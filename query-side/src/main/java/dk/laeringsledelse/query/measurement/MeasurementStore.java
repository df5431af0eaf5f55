package dk.laeringsledelse.query.measurement;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.query.support.BatchedWrites;
import dk.laeringsledelse.query.support.BsonMapper;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@code institution_measurements} collection, read only by {@code _id}. An institution's document is written by
 * its own sequence only, so it is replaced whole, once per batch ({@link BatchedWrites}).
 */
@Component
public class MeasurementStore {

    private final MongoCollection<Document> measurements;

    public MeasurementStore(MongoDatabase database) {
        this.measurements = database.getCollection("institution_measurements");
    }

    public Optional<InstitutionMeasurementsView> find(String institutionId) {
        return Optional.ofNullable(BatchedWrites.find(measurements, institutionId, InstitutionMeasurementsView.class,
                d -> BsonMapper.fromDocument(d, InstitutionMeasurementsView.class)));
    }

    void save(InstitutionMeasurementsView view) {
        BatchedWrites.replace(measurements, view.institutionId, view, BsonMapper::toDocument);
    }

    void deleteAll() {
        measurements.drop();
    }
}
