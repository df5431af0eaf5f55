package dk.laeringsledelse.query.summary;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dk.laeringsledelse.query.summary.MeasurementSeries;
import dk.laeringsledelse.query.summary.TeamFigures;
import dk.laeringsledelse.query.support.BatchedWrites;
import dk.laeringsledelse.query.support.BsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@code institution_summaries} collection: per institution ({@code _id}) its teams' key figures
 * ({@code teams.<key>}, written by the team-progress projection) and its indicator series ({@code indicators},
 * written by the measurement projection). Both write with atomic {@code $set}s of their own fields, so teams of one
 * institution and its measurements may be projected on different threads. In a processor's batch these stay
 * field-level: {@link BatchedWrites#set} keeps the last value per field and writes one {@code $set} per summary and
 * batch, never the whole document. A municipality's overview reads all its
 * institutions' summaries in one {@code $in} on {@code _id}.
 */
@Component
public class InstitutionSummaryStore {

    private final MongoCollection<Document> summaries;

    public InstitutionSummaryStore(MongoDatabase database) {
        this.summaries = database.getCollection("institution_summaries");
    }

    /** One institution's summary as read back. */
    public record InstitutionSummary(String institutionId, List<TeamFigures> teams, List<MeasurementSeries> indicators) {
    }

    public void putTeam(String institutionId, TeamFigures figures) {
        BatchedWrites.set(summaries, institutionId, "teams." + key(figures.teamId()),
                BsonMapper.toDocument(figures));
    }

    public void putIndicators(String institutionId, List<MeasurementSeries> series) {
        BatchedWrites.set(summaries, institutionId, "indicators",
                series.stream().map(BsonMapper::toDocument).toList());
    }

    /** The summaries of these institutions by id (institutions without any figures yet are left out). */
    public Map<String, InstitutionSummary> findAll(Collection<String> institutionIds) {
        Map<String, InstitutionSummary> byId = new HashMap<>();
        if (institutionIds.isEmpty()) {
            return byId;
        }
        for (Document d : summaries.find(Filters.in("_id", institutionIds))) {
            List<TeamFigures> teams = new ArrayList<>();
            Document teamDocs = d.get("teams", Document.class);
            if (teamDocs != null) {
                teamDocs.values().forEach(t -> teams.add(BsonMapper.fromDocument((Document) t, TeamFigures.class)));
            }
            List<MeasurementSeries> indicators = d.getList("indicators", Document.class, List.of()).stream()
                    .map(s -> BsonMapper.fromDocument(s, MeasurementSeries.class)).toList();
            byId.put(d.getString("_id"), new InstitutionSummary(d.getString("_id"), teams, indicators));
        }
        return byId;
    }

    public void deleteTeams() {
        summaries.updateMany(new Document(), Updates.unset("teams"));
    }

    public void deleteIndicators() {
        summaries.updateMany(new Document(), Updates.unset("indicators"));
    }

    /** A field name for a team id: ids may hold dots, which MongoDB reads as paths. */
    private static String key(String teamId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(teamId.getBytes(StandardCharsets.UTF_8));
    }
}
