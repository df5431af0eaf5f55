package dk.laeringsledelse.query.timeline;

import dk.laeringsledelse.kernel.cycle.ActivityPlanned;
import dk.laeringsledelse.kernel.cycle.FeedbackGiven;
import dk.laeringsledelse.kernel.cycle.LearningCycleEvent;
import dk.laeringsledelse.kernel.cycle.LearningCycleStarted;
import dk.laeringsledelse.kernel.cycle.LearningGoalRevised;
import dk.laeringsledelse.kernel.cycle.LearningGoalSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * What the timeline remembers of one cycle's earlier events to name things in words rather than ids: the cycle's
 * title, its goals' and activities' titles (as quoted, cut to {@value TimelineEntries#MAX_QUOTED} characters) and
 * who gave each feedback. Never free text that may describe a child. Stored in {@code team_timeline_titles}, one
 * document per cycle, with lists of {@code {id, title}} (ids may hold dots, which a field name may not).
 */
final class CycleTitles {

    static final String COLLECTION = "team_timeline_titles";

    private String cycle;
    private final Map<String, String> goals = new LinkedHashMap<>();
    private final Map<String, String> activities = new LinkedHashMap<>();
    private final Map<String, String> feedbackAuthors = new LinkedHashMap<>();

    String cycle() {
        return cycle;
    }

    String goal(Object goalId) {
        return goalId == null ? null : goals.get(goalId.toString());
    }

    String activity(Object activityId) {
        return activityId == null ? null : activities.get(activityId.toString());
    }

    String feedbackAuthor(Object feedbackId) {
        return feedbackId == null ? null : feedbackAuthors.get(feedbackId.toString());
    }

    /** Takes note of the names an event gives; true when it gave any. */
    boolean note(LearningCycleEvent event) {
        if (event instanceof LearningCycleStarted e) {
            cycle = TimelineEntries.quote(e.title());
            return true;
        }
        if (event instanceof LearningGoalSet e && e.goalId() != null) {
            goals.put(e.goalId().toString(), TimelineEntries.quote(e.description()));
            return true;
        }
        if (event instanceof LearningGoalRevised e && e.goalId() != null && e.description() != null) {
            goals.put(e.goalId().toString(), TimelineEntries.quote(e.description()));
            return true;
        }
        if (event instanceof ActivityPlanned e && e.activityId() != null) {
            activities.put(e.activityId().toString(), TimelineEntries.quote(e.description()));
            return true;
        }
        if (event instanceof FeedbackGiven e && e.feedbackId() != null && e.authorRole() != null) {
            feedbackAuthors.put(e.feedbackId().toString(), e.authorRole().name());
            return true;
        }
        return false;
    }

    Document toDocument(String cycleId) {
        return new Document("_id", cycleId)
                .append("cycle", cycle)
                .append("goals", pairs(goals))
                .append("activities", pairs(activities))
                .append("feedbackAuthors", pairs(feedbackAuthors));
    }

    static CycleTitles of(Document document) {
        CycleTitles titles = new CycleTitles();
        if (document != null) {
            titles.cycle = document.getString("cycle");
            read(document, "goals", titles.goals);
            read(document, "activities", titles.activities);
            read(document, "feedbackAuthors", titles.feedbackAuthors);
        }
        return titles;
    }

    private static List<Document> pairs(Map<String, String> map) {
        List<Document> list = new ArrayList<>();
        map.forEach((id, title) -> list.add(new Document("id", id).append("title", title)));
        return list;
    }

    private static void read(Document document, String field, Map<String, String> into) {
        for (Document pair : document.getList(field, Document.class, List.of())) {
            into.put(pair.getString("id"), pair.getString("title"));
        }
    }
}
