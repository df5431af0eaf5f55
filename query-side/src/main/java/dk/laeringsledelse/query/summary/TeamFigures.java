package dk.laeringsledelse.query.summary;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A team's key figures, as kept per team in the institution's summary document (so that a municipality's overview
 * reads one document per institution, not one per team).
 *
 * @param goals goal attainment over the active and completed cycles
 */
public record TeamFigures(String teamId, int activeCycles, int completedCycles, GoalCounts goals, int signs,
                          Instant lastSignDocumentedAt, LocalDate lastSignObservedOn, int feedbackReceived,
                          int feedbackUnanswered) {

    /** Whether the team documented a sign after this moment. */
    public boolean documentedSince(Instant since) {
        return lastSignDocumentedAt != null && lastSignDocumentedAt.isAfter(since);
    }
}
