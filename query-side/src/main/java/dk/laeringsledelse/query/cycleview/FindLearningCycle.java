package dk.laeringsledelse.query.cycleview;

/** Query for one learning cycle's view; also the subject of subscription queries for live updates. */
public record FindLearningCycle(String cycleId) {
}
