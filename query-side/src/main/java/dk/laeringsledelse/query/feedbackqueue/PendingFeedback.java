package dk.laeringsledelse.query.feedbackqueue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What awaits a resource person's feedback in one team: one document in {@code team_feedback_pending},
 * {@code _id} = team id. A person's queue is the union over the teams they are the resource person of, so a newly
 * assigned resource person sees what is already waiting.
 */
public class PendingFeedback {

    public enum Kind { MODULE_ANSWER, ASSESSMENT }

    @JsonProperty("_id")
    public String teamId;
    public List<Item> items = new ArrayList<>();
    /** The last sequence number applied per aggregate (cycles, module answers): re-delivery is skipped. */
    public List<Applied> applied = new ArrayList<>();

    /**
     * @param key   the assessment id, or the module answer id
     * @param since when the team started waiting (a newer assessment of the same goal, or a resubmission, keeps the
     *              earlier time: the team has waited since then)
     */
    public record Item(Kind kind, String key, Instant since, String cycleId, String goalId, String attainment,
                       String moduleId, Integer version, String answer) {
    }

    public static class Applied {
        public String aggregateId;
        public long sequence;
    }

    public PendingFeedback() {
    }

    PendingFeedback(String teamId) {
        this.teamId = teamId;
    }

    boolean markApplied(String aggregateId, long sequence) {
        Applied entry = applied.stream().filter(a -> a.aggregateId.equals(aggregateId)).findFirst().orElse(null);
        if (entry == null) {
            entry = new Applied();
            entry.aggregateId = aggregateId;
            entry.sequence = -1;
            applied.add(entry);
        }
        if (sequence <= entry.sequence) {
            return false;
        }
        entry.sequence = sequence;
        return true;
    }

    /** Adds an item, replacing those it supersedes but keeping the earliest waiting time. */
    void add(Item item, Predicate<Item> supersedes) {
        Instant since = items.stream().filter(supersedes).map(Item::since).min(Instant::compareTo)
                .orElse(item.since());
        items.removeIf(supersedes);
        items.add(new Item(item.kind(), item.key(), since, item.cycleId(), item.goalId(), item.attainment(),
                item.moduleId(), item.version(), item.answer()));
    }

    /** Removes the matching items; answers when the oldest of them started waiting, or null if none matched. */
    Instant resolve(Predicate<Item> resolved) {
        Instant oldest = items.stream().filter(resolved).map(Item::since).min(Instant::compareTo).orElse(null);
        items.removeIf(resolved);
        return oldest;
    }
}
