package dk.laeringsledelse.graphql.cycle;

import dk.laeringsledelse.query.cycleview.LearningCycleView;

/** The answer to recordReflection: the new reflection's id and the cycle as it reads after the change. */
public record RecordReflectionPayload(String reflectionId, LearningCycleView cycle) {
}
