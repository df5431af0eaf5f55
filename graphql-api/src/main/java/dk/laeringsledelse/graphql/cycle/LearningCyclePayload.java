package dk.laeringsledelse.graphql.cycle;

import dk.laeringsledelse.query.cycleview.LearningCycleView;

/** The answer to a mutation that creates nothing: the cycle as it reads after the change. */
public record LearningCyclePayload(LearningCycleView cycle) {
}
