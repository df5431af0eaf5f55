package dk.laeringsledelse.graphql.cycle;

import java.time.LocalDate;
import java.util.List;

/** The GraphQL inputs of the learning-cycle mutations, as bound by Spring GraphQL (ids as plain strings). */
final class LearningCycleInputs {

    private LearningCycleInputs() {
    }

    record PlannedPeriodInput(LocalDate start, LocalDate end) {
    }

    record DataBasisInput(String findings, String sources) {
    }

    record TargetGroupInput(String kind, String description, List<String> childIds) {
    }

    record StartLearningCycleInput(String teamId, String title, PlannedPeriodInput plannedPeriod,
                                   DataBasisInput dataBasis, String idempotencyKey) {
    }

    record SetLearningGoalInput(String cycleId, String description, String curriculumTheme,
                                TargetGroupInput targetGroup, List<String> expectedSigns, String adaptation,
                                String idempotencyKey) {
    }

    record ReviseLearningGoalInput(String cycleId, String goalId, String description, List<String> expectedSigns,
                                   String reason, String idempotencyKey) {
    }

    record PlanActivityInput(String cycleId, List<String> goalIds, String description, String methodAndOrganisation,
                             LocalDate plannedDate, String adaptation, String idempotencyKey) {
    }

    record RecordActivityCarriedOutInput(String cycleId, String activityId, LocalDate carriedOutOn, String notes,
                                         String idempotencyKey) {
    }

    record CancelActivityInput(String cycleId, String activityId, String reason, String idempotencyKey) {
    }

    record DocumentSignOfLearningInput(String cycleId, String goalId, String activityId, LocalDate observedOn,
                                       String observation, Integer matchedExpectedSign, String evidenceKind,
                                       List<String> childIds, String idempotencyKey) {
    }

    record AssessGoalAttainmentInput(String cycleId, String goalId, String attainment, String rationale,
                                     List<String> signIds, String idempotencyKey) {
    }

    record GiveFeedbackInput(String cycleId, String aboutKind, String aboutId, String authorRole, String text,
                             String idempotencyKey) {
    }

    record RespondToFeedbackInput(String cycleId, String feedbackId, String text, String idempotencyKey) {
    }

    record RecordReflectionInput(String cycleId, String practiceLearnings, String plannedAdjustments,
                                 String idempotencyKey) {
    }

    record CompleteLearningCycleInput(String cycleId, String summary, String nextSteps, String idempotencyKey) {
    }

    record AbandonLearningCycleInput(String cycleId, String reason, String idempotencyKey) {
    }
}
