package dk.laeringsledelse.query.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * One recorded step of a team's learning cycle. Holds only structured facts and a short summary built from them:
 * never free text that may describe a child (observations, notes, rationales, reflections, feedback), so that
 * erasing such text leaves the timeline as it is.
 *
 * @param id         the event's id
 * @param teamId     the team whose timeline this belongs to (not part of the GraphQL type; the bucket key)
 * @param at         when it was recorded: the event's timestamp, truncated to milliseconds
 * @param actor      who recorded it (event metadata {@code actor}), {@code "anonymous"} when unknown
 * @param occurredOn the domain date of the step where there is one (planned, carried out, observed on)
 */
public record TimelineEntry(
        String id,
        String teamId,
        Instant at,
        TimelineEntryKind kind,
        String actor,
        String summary,
        String cycleId,
        String goalId,
        String activityId,
        String signId,
        String assessmentId,
        String feedbackId,
        LocalDate occurredOn) {

    /** Timeline order: oldest first, ties broken by event id so that the order is total and stable. */
    public static final Comparator<TimelineEntry> ORDER =
            Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::id);

    public TimelineEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(cycleId, "cycleId");
    }

    /** The position of this entry in timeline order, as used by cursors. */
    public TimelinePosition position() {
        return new TimelinePosition(at, id);
    }
}
