package dk.laeringsledelse.query.progress;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dk.laeringsledelse.query.support.BatchedWrites;
import dk.laeringsledelse.query.support.BsonMapper;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@code team_progress} collection: one {@link TeamProgress} per team, read only by {@code _id}. A team's
 * document is written by its own sequence only, so it is replaced whole, once per batch ({@link BatchedWrites}).
 */
@Component
public class TeamProgressStore {

    private final MongoCollection<Document> progress;

    public TeamProgressStore(MongoDatabase database) {
        this.progress = database.getCollection("team_progress");
    }

    public Optional<TeamProgress> find(String teamId) {
        return Optional.ofNullable(BatchedWrites.find(progress, teamId, TeamProgress.class,
                d -> BsonMapper.fromDocument(d, TeamProgress.class)));
    }

    /** The progress of these teams, in no particular order (teams without any event yet are left out). */
    public List<TeamProgress> findAll(Collection<String> teamIds) {
        if (teamIds.isEmpty()) {
            return List.of();
        }
        return progress.find(Filters.in("_id", teamIds)).map(d -> BsonMapper.fromDocument(d, TeamProgress.class))
                .into(new java.util.ArrayList<>());
    }

    void save(TeamProgress view) {
        BatchedWrites.replace(progress, view.teamId, view, BsonMapper::toDocument);
    }

    void deleteAll() {
        progress.drop();
    }
}
