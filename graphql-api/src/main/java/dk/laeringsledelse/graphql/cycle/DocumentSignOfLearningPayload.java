package dk.laeringsledelse.graphql.cycle;

import dk.laeringsledelse.query.cycleview.LearningCycleView;

/** The answer to documentSignOfLearning: the new sign's id and the cycle as it reads after the change. */
public record DocumentSignOfLearningPayload(String signId, LearningCycleView cycle) {
}
