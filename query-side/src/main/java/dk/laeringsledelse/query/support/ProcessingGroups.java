package dk.laeringsledelse.query.support;

/** Names of the event processors shared by several projections. */
public final class ProcessingGroups {

    /**
     * The team and institution views (cycles, team lists, timelines, progress, feedback queues, measurements) in one
     * processor: each event is read, deserialised and tracked (a token write per batch) once for all of them,
     * not once per view. They need the same order: a team's events, and an institution's measurements, in sequence.
     */
    public static final String TEAM_VIEWS = "team-views";

    private ProcessingGroups() {
    }
}
