package dk.laeringsledelse.query.feedbackqueue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dk.laeringsledelse.query.support.BatchedWrites;
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
 * whose events are projected in parallel). All reads by {@code _id}. Writes are batched ({@link BatchedWrites}): a
 * team's pending document is written by its team's sequence only and is replaced whole; a person's responses stay
 * an atomic {@code $addToSet}, one per person and batch.
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
        return Optional.ofNullable(BatchedWrites.find(pending, teamId, PendingFeedback.class,
                d -> BsonMapper.fromDocument(d, PendingFeedback.class)));
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
        BatchedWrites.replace(pending, view.teamId, view, BsonMapper::toDocument);
    }

    /** Idempotent: the same response (keyed by what answered) is kept once. */
    void addResponse(String personId, String respondedWith, Duration took) {
        BatchedWrites.addToSet(stats, personId, "responses",
                new Document("with", respondedWith).append("seconds", took.getSeconds()));
    }

    void deleteAll() {
        pending.drop();
        stats.drop();
    }
}
