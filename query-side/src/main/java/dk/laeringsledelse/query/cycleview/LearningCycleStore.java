package dk.laeringsledelse.query.cycleview;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dk.laeringsledelse.query.support.BatchedWrites;
import dk.laeringsledelse.query.support.BsonMapper;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@code learning_cycles} collection (one document per cycle, {@code _id} = cycle id) and {@code team_cycles}
 * (one document per team listing its cycles), both read only by {@code _id} so that no read scans a collection.
 */
@Component
public class LearningCycleStore {

    static final String CYCLES = "learning_cycles";
    static final String TEAM_CYCLES = "team_cycles";

    private final MongoCollection<Document> cycles;
    private final MongoCollection<Document> teamCycles;

    public LearningCycleStore(MongoDatabase database) {
        this.cycles = database.getCollection(CYCLES);
        this.teamCycles = database.getCollection(TEAM_CYCLES);
    }

    public Optional<LearningCycleView> find(String cycleId) {
        return Optional.ofNullable(BatchedWrites.find(cycles, cycleId, LearningCycleView.class,
                d -> BsonMapper.fromDocument(d, LearningCycleView.class)));
    }

    /**
     * The team of the cycle, read alone: an access check needs only that, and a cycle's view grows with its signs
     * (tens of KB) while every mutation checks access.
     */
    public Optional<String> teamOf(String cycleId) {
        Document cycle = cycles.find(Filters.eq("_id", cycleId)).projection(Projections.include("teamId")).first();
        return Optional.ofNullable(cycle == null ? null : cycle.getString("teamId"));
    }

    /** The cycles with these ids, in the order of the ids. */
    public List<LearningCycleView> findAll(Collection<String> cycleIds) {
        Map<String, LearningCycleView> byId = new LinkedHashMap<>();
        cycleIds.forEach(id -> byId.put(id, null));
        for (Document d : cycles.find(Filters.in("_id", cycleIds))) {
            LearningCycleView view = BsonMapper.fromDocument(d, LearningCycleView.class);
            byId.put(view.id, view);
        }
        return byId.values().stream().filter(java.util.Objects::nonNull).toList();
    }

    void save(LearningCycleView view) {
        BatchedWrites.replace(cycles, view.id, view, BsonMapper::toDocument);
    }

    public TeamCycles teamCycles(String teamId) {
        TeamCycles stored = BatchedWrites.find(teamCycles, teamId, TeamCycles.class,
                d -> BsonMapper.fromDocument(d, TeamCycles.class));
        return stored == null ? new TeamCycles(teamId, List.of()) : stored;
    }

    /** Puts the cycle's entry into its team's list, replacing an earlier entry for the same cycle. */
    void index(LearningCycleView view) {
        TeamCycles current = teamCycles(view.teamId);
        TeamCycles updated = current.with(new TeamCycles.Entry(view.id, view.title, view.phase, view.startedAt));
        if (!updated.equals(current)) {
            BatchedWrites.replace(teamCycles, view.teamId, updated, BsonMapper::toDocument);
        }
    }

    void deleteAll() {
        cycles.drop();
        teamCycles.drop();
    }
}
