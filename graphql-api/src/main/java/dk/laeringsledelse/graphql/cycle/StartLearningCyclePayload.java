package dk.laeringsledelse.graphql.cycle;

import dk.laeringsledelse.query.cycleview.LearningCycleView;

/** The answer to startLearningCycle: the new cycle's id and the cycle as it reads after the change. */
public record StartLearningCyclePayload(String cycleId, LearningCycleView cycle) {
}
