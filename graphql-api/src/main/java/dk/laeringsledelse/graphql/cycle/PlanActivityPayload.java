package dk.laeringsledelse.graphql.cycle;

import dk.laeringsledelse.query.cycleview.LearningCycleView;

/** The answer to planActivity: the new activity's id and the cycle as it reads after the change. */
public record PlanActivityPayload(String activityId, LearningCycleView cycle) {
}
