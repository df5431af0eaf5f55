package dk.laeringsledelse.query.cycleview;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The current state of one learning cycle as dashboards read it: one document in {@code learning_cycles},
 * {@code _id} = cycle id. Built only by {@link LearningCycleViews#apply}; {@code version} is the sequence number of
 * the last event applied, so a repeated event is recognised and skipped.
 */
public class LearningCycleView {

    @JsonProperty("_id")
    public String id;
    public String teamId;
    public String title;
    public LocalDate plannedStart;
    public LocalDate plannedEnd;
    public String dataFindings;
    public String dataSources;
    public Phase phase;
    public List<PhaseChange> phaseHistory = new ArrayList<>();
    public Instant startedAt;
    public String startedBy;
    public Instant lastChangedAt;
    public List<Goal> goals = new ArrayList<>();
    public List<Activity> activities = new ArrayList<>();
    public List<Sign> signs = new ArrayList<>();
    public List<Feedback> feedback = new ArrayList<>();
    public List<Reflection> reflections = new ArrayList<>();
    public String summary;
    public String nextSteps;
    public String abandonReason;
    public long version = -1;

    public enum Phase { PLANNING, ACTING, EVALUATING, COMPLETED, ABANDONED }

    public record PhaseChange(Phase phase, Instant enteredAt) {
    }

    public record TargetGroup(String kind, String description, List<String> childIds) {
    }

    public static class Goal {
        public String goalId;
        public String description;
        public String curriculumTheme;
        public TargetGroup targetGroup;
        public List<String> expectedSigns = new ArrayList<>();
        public String adaptation;
        public Instant setAt;
        public String setBy;
        public List<Revision> revisions = new ArrayList<>();
        public String currentAttainment;
        public List<Assessment> assessments = new ArrayList<>();
        public List<String> signIds = new ArrayList<>();
    }

    public record Revision(String description, List<String> expectedSigns, String reason, Instant at, String by) {
    }

    public record Assessment(String assessmentId, String attainment, String rationale, List<String> signIds,
                             Instant at, String by) {
    }

    public static class Activity {
        public String activityId;
        public List<String> goalIds = new ArrayList<>();
        public String description;
        public String methodAndOrganisation;
        public LocalDate plannedDate;
        public String adaptation;
        public String status;
        public LocalDate carriedOutOn;
        public String notes;
        public String cancelReason;
        public Instant plannedAt;
        public String plannedBy;
    }

    public static class Sign {
        public String signId;
        public String goalId;
        public String activityId;
        public LocalDate observedOn;
        public String observation;
        public Integer matchedExpectedSign;
        public String matchedExpectedSignText;
        public String evidenceKind;
        public List<String> childIds = new ArrayList<>();
        public Instant documentedAt;
        public String documentedBy;
    }

    public static class Feedback {
        public String feedbackId;
        public String aboutKind;
        public String aboutId;
        public String authorRole;
        public String author;
        public String text;
        public Instant givenAt;
        public Response response;
    }

    public record Response(String text, Instant at, String by) {
    }

    public record Reflection(String reflectionId, String practiceLearnings, String plannedAdjustments,
                             Instant at, String by) {
    }

    /** Key figures, derived from the lists (so they can never disagree with them). */
    public Counts counts() {
        return new Counts(
                goals.size(),
                (int) goals.stream().filter(g -> g.currentAttainment != null).count(),
                (int) goals.stream().filter(g -> "ACHIEVED".equals(g.currentAttainment)).count(),
                (int) goals.stream().filter(g -> "PARTLY".equals(g.currentAttainment)).count(),
                (int) goals.stream().filter(g -> "NOT_YET".equals(g.currentAttainment)).count(),
                activities.size(),
                (int) activities.stream().filter(a -> "CARRIED_OUT".equals(a.status)).count(),
                (int) activities.stream().filter(a -> "CANCELLED".equals(a.status)).count(),
                signs.size(),
                feedback.size(),
                (int) feedback.stream().filter(f -> f.response == null).count(),
                reflections.size());
    }

    public record Counts(int goals, int goalsAssessed, int goalsAchieved, int goalsPartly, int goalsNotYet,
                         int activities, int activitiesCarriedOut, int activitiesCancelled, int signs,
                         int feedback, int feedbackUnanswered, int reflections) {
    }
}
