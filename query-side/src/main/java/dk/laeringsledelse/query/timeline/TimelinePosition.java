package dk.laeringsledelse.query.timeline;

import java.time.Instant;
import java.util.Comparator;

/** A place in a team's timeline: entries are ordered by {@code at}, then by event {@code id}. */
public record TimelinePosition(Instant at, String id) implements Comparable<TimelinePosition> {

    private static final Comparator<TimelinePosition> ORDER =
            Comparator.comparing(TimelinePosition::at).thenComparing(TimelinePosition::id);

    @Override
    public int compareTo(TimelinePosition other) {
        return ORDER.compare(this, other);
    }
}
