package dk.laeringsledelse.query.organisation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dk.laeringsledelse.query.support.BatchedWrites;
import dk.laeringsledelse.query.support.BsonMapper;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The organisation read model: {@code municipalities}, {@code institutions} and {@code teams} (one {@link UnitView}
 * per unit) and {@code people} (one {@link PersonView} per person: every role they hold and where). All reads are by
 * {@code _id}. Writes are batched ({@link BatchedWrites}): units, each written by its municipality's sequence only,
 * are replaced whole once per batch; people stay atomic field-level updates.
 */
@Component
public class OrganisationStore {

    private final Map<UnitView.Kind, MongoCollection<Document>> units = new EnumMap<>(UnitView.Kind.class);
    private final MongoCollection<Document> people;

    public OrganisationStore(MongoDatabase database) {
        units.put(UnitView.Kind.MUNICIPALITY, database.getCollection("municipalities"));
        units.put(UnitView.Kind.INSTITUTION, database.getCollection("institutions"));
        units.put(UnitView.Kind.TEAM, database.getCollection("teams"));
        people = database.getCollection("people");
    }

    public Optional<UnitView> find(UnitView.Kind kind, String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BatchedWrites.find(units.get(kind), id, UnitView.class,
                d -> BsonMapper.fromDocument(d, UnitView.class)));
    }

    public Optional<UnitView> team(String teamId) {
        return find(UnitView.Kind.TEAM, teamId);
    }

    /** The units with these ids, in the order of the ids (unknown ids are left out). */
    public List<UnitView> findAll(UnitView.Kind kind, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, UnitView> byId = new LinkedHashMap<>();
        ids.forEach(id -> byId.put(id, null));
        for (Document d : units.get(kind).find(Filters.in("_id", ids))) {
            UnitView view = BsonMapper.fromDocument(d, UnitView.class);
            byId.put(view.id, view);
        }
        return byId.values().stream().filter(Objects::nonNull).toList();
    }

    public PersonView person(String personId) {
        Document d = personId == null ? null : people.find(Filters.eq("_id", personId)).first();
        return d == null ? new PersonView(personId, List.of()) : BsonMapper.fromDocument(d, PersonView.class);
    }

    void save(UnitView view) {
        BatchedWrites.replace(units.get(view.kind), view.id, view, BsonMapper::toDocument);
    }

    /**
     * Atomic add/remove on the person's document: a person's roles come from several municipalities, whose events
     * may be projected in parallel (the processing group is sequenced by municipality), so no read-modify-write here.
     * Both are idempotent on redelivery; in a batch they are kept in order and written before the units.
     */
    void addAssignment(String personId, PersonView.Assignment assignment) {
        BatchedWrites.addToSet(people, personId, "assignments", BsonMapper.toDocument(assignment));
    }

    void removeAssignment(String personId, PersonView.Assignment assignment) {
        BatchedWrites.pull(people, personId, "assignments", BsonMapper.toDocument(assignment));
    }

    void deleteAll() {
        units.values().forEach(c -> c.drop());
        people.drop();
    }
}
