package dk.laeringsledelse.graphql.cycle;

import dk.laeringsledelse.query.cycleview.LearningCycleView;

/** The answer to giveFeedback: the new feedback's id and the cycle as it reads after the change. */
public record GiveFeedbackPayload(String feedbackId, LearningCycleView cycle) {
}
