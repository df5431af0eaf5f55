package dk.laeringsledelse.graphql.cycle;

import dk.laeringsledelse.query.cycleview.LearningCycleView;

/** The answer to assessGoalAttainment: the new assessment's id and the cycle as it reads after the change. */
public record AssessGoalAttainmentPayload(String assessmentId, LearningCycleView cycle) {
}
