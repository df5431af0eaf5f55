package dk.laeringsledelse.graphql.cycle;

import dk.laeringsledelse.query.cycleview.LearningCycleView;

/** The answer to setLearningGoal: the new goal's id and the cycle as it reads after the change. */
public record SetLearningGoalPayload(String goalId, LearningCycleView cycle) {
}
