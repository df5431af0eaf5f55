package dk.laeringsledelse.query.cycleview;

import com.fasterxml.jackson.annotation.JsonProperty;
import dk.laeringsledelse.query.cycleview.LearningCycleView.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cycles of one team, newest first: one small document per team ({@code _id} = team id), so that listing a
 * team's cycles is one read by {@code _id} however many cycles all teams have.
 */
public record TeamCycles(@JsonProperty("_id") String teamId, List<Entry> cycles) {

    static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::startedAt).reversed()
            .thenComparing(Entry::cycleId);

    public record Entry(String cycleId, String title, Phase phase, Instant startedAt) {
    }

    TeamCycles with(Entry entry) {
        List<Entry> next = new ArrayList<>(cycles.stream().filter(e -> !e.cycleId().equals(entry.cycleId())).toList());
        next.add(entry);
        next.sort(NEWEST_FIRST);
        return new TeamCycles(teamId, List.copyOf(next));
    }
}
