package dk.laeringsledelse.query.timeline;

import dk.laeringsledelse.query.support.ProcessingGroups;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.kernel.cycle.LearningCycleEvent;
import dk.laeringsledelse.query.support.BatchedWrites;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code team_timelines} read model: every step of every learning cycle of a team, bucketed per team and month
 * (layout in {@link TimelineDocuments}), and in {@code team_timeline_titles} the titles its summaries name
 * ({@link CycleTitles}). Idempotent: an event whose id is already in its bucket changes nothing.
 * Rebuildable: a reset empties both collections and a replay writes the same documents again.
 *
 * <p>Concurrency: each event is a read-modify-write of one team's bucket and index document. That is safe because
 * the application sequences this processing group by team id, so all events of one team are handled in order by
 * one thread (and, across instances, by the one instance holding that team's segment). Without that sequencing
 * policy two concurrent writers could lose an entry.
 *
 * <p>Writes are batched ({@link BatchedWrites}). Write order: the index document first, then the bucket. A bucket therefore never exists without its month in
 * the index, and a crash in between leaves at most an indexed month without a bucket, which readers treat as empty
 * and the re-delivered event fills.
 */
@Component
@ProcessingGroup(ProcessingGroups.TEAM_VIEWS)
public class TeamTimelineProjection {

    private static final Logger log = LoggerFactory.getLogger(TeamTimelineProjection.class);

    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> index;
    private final MongoCollection<Document> titles;

    public TeamTimelineProjection(MongoDatabase database) {
        this.buckets = database.getCollection(TimelineDocuments.BUCKETS);
        this.index = database.getCollection(TimelineDocuments.INDEX);
        this.titles = database.getCollection(CycleTitles.COLLECTION);
    }

    @EventHandler
    public void on(LearningCycleEvent event, EventMessage<?> message) {
        String cycleId = event.cycleId().value();
        CycleTitles known = CycleTitles.of(BatchedWrites.find(titles, cycleId));
        Optional<TimelineEntry> entry = TimelineEntries.of(message, known);
        if (known.note(event)) {
            // a re-delivered event notes the same title again: the document ends as it was
            BatchedWrites.replace(titles, cycleId, known.toDocument(cycleId));
        }
        if (entry.isEmpty()) {
            log.debug("No timeline entry for {} ({})", message.getPayloadType().getSimpleName(), message.getIdentifier());
            return;
        }
        add(entry.get());
    }

    /** Adds one entry to its team's bucket, unless it is there already. */
    public void add(TimelineEntry entry) {
        String month = TimelineDocuments.monthOf(entry.at());
        String bucketId = TimelineDocuments.bucketId(entry.teamId(), month);
        Document bucket = BatchedWrites.find(buckets, bucketId);
        if (bucket == null) {
            addMonthToIndex(entry.teamId(), month);
            bucket = TimelineDocuments.newBucket(entry.teamId(), month);
        }
        Document updated = TimelineDocuments.withEntry(bucket, entry);
        if (updated != null) {
            BatchedWrites.replace(buckets, bucketId, updated);
        }
    }

    private void addMonthToIndex(String teamId, String month) {
        Document current = BatchedWrites.find(index, teamId);
        List<String> months = TimelineDocuments.withMonth(TimelineDocuments.monthsOf(current), month);
        if (months != null) {
            BatchedWrites.replace(index, teamId,
                    new Document(TimelineDocuments.ID, teamId).append(TimelineDocuments.MONTHS, months));
        }
    }

    @ResetHandler
    public void reset() {
        buckets.drop();
        index.drop();
        titles.drop();
    }
}
