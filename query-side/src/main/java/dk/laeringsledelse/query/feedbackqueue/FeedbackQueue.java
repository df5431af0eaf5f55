package dk.laeringsledelse.query.feedbackqueue;

import java.time.Instant;
import java.util.List;

/**
 * What awaits a resource person's feedback, oldest first, and how fast they answer.
 *
 * @param responses           how many items the person has answered
 * @param medianResponseHours median hours from an item's waiting start to the person's response; null before the first
 */
public record FeedbackQueue(String resourcePersonId, List<QueueItem> items, int responses,
                            Double medianResponseHours) {

    /**
     * @param answer the team's answer, for a module answer
     */
    public record QueueItem(PendingFeedback.Kind kind, String teamId, String teamName, Instant waitingSince,
                            double waitingHours, String cycleId, String goalId, String assessmentId,
                            String attainment, String moduleId, Integer version, String answer) {
    }
}
