package dk.laeringsledelse.query.feedbackqueue;

/**
 * Subject of subscription queries for a resource person's queue; updates are only a signal (the team that changed),
 * the queue is read again.
 */
public record FindFeedbackQueue(String resourcePersonId) {
}
