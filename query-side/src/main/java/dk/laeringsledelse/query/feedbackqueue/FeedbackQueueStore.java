package dk.laeringsledelse.query.feedbackqueue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dk.laeringsledelse.query.support.BsonMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * {@code team_feedback_pending} (one {@link PendingFeedback} per team) and {@code resource_person_stats} (per person,
 * {@code _id} = person id: every response with its time, added atomically since one person answers many teams,
 * whose events are projected in parallel). All reads by {@code _id}.
 */
@Component
public class FeedbackQueueStore {

    private final MongoCollection<Document> pending;
    private final MongoCollection<Document> stats;

    public FeedbackQueueStore(MongoDatabase database) {
        this.pending = database.getCollection("team_feedback_pending");
        this.stats = database.getCollection("resource_person_stats");
    }

    public Optional<PendingFeedback> find(String teamId) {
        return Optional.ofNullable(pending.find(Filters.eq("_id", teamId)).first())
                .map(d -> BsonMapper.fromDocument(d, PendingFeedback.class));
    }

    public List<PendingFeedback> findAll(Collection<String> teamIds) {
        if (teamIds.isEmpty()) {
            return List.of();
        }
        return pending.find(Filters.in("_id", teamIds)).map(d -> BsonMapper.fromDocument(d, PendingFeedback.class))
                .into(new ArrayList<>());
    }

    /** How long each of this person's responses took. */
    public List<Duration> responseTimes(String personId) {
        Document d = stats.find(Filters.eq("_id", personId)).first();
        return d == null ? List.of() : d.getList("responses", Document.class, List.of()).stream()
                .map(r -> Duration.ofSeconds(r.get("seconds", Number.class).longValue())).toList();
    }

    void save(PendingFeedback view) {
        pending.replaceOne(Filters.eq("_id", view.teamId), BsonMapper.toDocument(view),
                new ReplaceOptions().upsert(true));
    }

    /** Idempotent: the same response (keyed by what answered) is kept once. */
    void addResponse(String personId, String respondedWith, Duration took) {
        stats.updateOne(Filters.eq("_id", personId),
                Updates.addToSet("responses", new Document("with", respondedWith).append("seconds", took.getSeconds())),
                new UpdateOptions().upsert(true));
    }

    void deleteAll() {
        pending.deleteMany(new Document());
        stats.deleteMany(new Document());
    }
}
