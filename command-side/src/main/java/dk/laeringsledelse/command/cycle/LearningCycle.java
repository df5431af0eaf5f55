package dk.laeringsledelse.command.cycle;

import dk.laeringsledelse.command.support.Outcomes;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dk.laeringsledelse.command.support.Check;
import dk.laeringsledelse.command.support.IdempotencyKeys;
import dk.laeringsledelse.command.support.KeepsIdempotencyKeys;
import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.kernel.cycle.AbandonLearningCycle;
import dk.laeringsledelse.kernel.cycle.ActivityCancelled;
import dk.laeringsledelse.kernel.cycle.ActivityCarriedOut;
import dk.laeringsledelse.kernel.cycle.ActivityId;
import dk.laeringsledelse.kernel.cycle.ActivityPlanned;
import dk.laeringsledelse.kernel.cycle.AssessGoalAttainment;
import dk.laeringsledelse.kernel.cycle.AssessmentId;
import dk.laeringsledelse.kernel.cycle.Attainment;
import dk.laeringsledelse.kernel.cycle.CancelActivity;
import dk.laeringsledelse.kernel.cycle.CompleteLearningCycle;
import dk.laeringsledelse.kernel.cycle.CycleId;
import dk.laeringsledelse.kernel.cycle.DocumentSignOfLearning;
import dk.laeringsledelse.kernel.cycle.FeedbackAbout;
import dk.laeringsledelse.kernel.cycle.FeedbackAboutKind;
import dk.laeringsledelse.kernel.cycle.FeedbackGiven;
import dk.laeringsledelse.kernel.cycle.FeedbackId;
import dk.laeringsledelse.kernel.cycle.FeedbackResponded;
import dk.laeringsledelse.kernel.cycle.GiveFeedback;
import dk.laeringsledelse.kernel.cycle.GoalAttainmentAssessed;
import dk.laeringsledelse.kernel.cycle.GoalId;
import dk.laeringsledelse.kernel.cycle.LearningCycleAbandoned;
import dk.laeringsledelse.kernel.cycle.LearningCycleCompleted;
import dk.laeringsledelse.kernel.cycle.LearningCycleStarted;
import dk.laeringsledelse.kernel.cycle.LearningGoalRevised;
import dk.laeringsledelse.kernel.cycle.LearningGoalSet;
import dk.laeringsledelse.kernel.cycle.PlanActivity;
import dk.laeringsledelse.kernel.cycle.PlannedPeriod;
import dk.laeringsledelse.kernel.cycle.RecordActivityCarriedOut;
import dk.laeringsledelse.kernel.cycle.RecordReflection;
import dk.laeringsledelse.kernel.cycle.ReflectionId;
import dk.laeringsledelse.kernel.cycle.ReflectionRecorded;
import dk.laeringsledelse.kernel.cycle.RespondToFeedback;
import dk.laeringsledelse.kernel.cycle.ReviseLearningGoal;
import dk.laeringsledelse.kernel.cycle.SetLearningGoal;
import dk.laeringsledelse.kernel.cycle.SignId;
import dk.laeringsledelse.kernel.cycle.SignOfLearningDocumented;
import dk.laeringsledelse.kernel.cycle.StartLearningCycle;
import dk.laeringsledelse.kernel.cycle.TargetGroup;
import dk.laeringsledelse.kernel.cycle.TargetGroupKind;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.organisation.CurriculumThemes;
import dk.laeringsledelse.kernel.organisation.InstitutionKind;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.messaging.InterceptorChain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One run of a team's learning-goal cycle (forløb): goals, activities, documented signs of learning, assessments,
 * feedback and reflections, until the cycle is completed or abandoned.
 *
 * <p>Each command handler (1) checks its input (BAD_REQUEST), (2) checks the state (CONFLICT, NOT_FOUND), and only
 * then applies one event; event sourcing handlers only change state. Handlers return the id of what they created, or
 * null. A repeated idempotency key never reaches them: {@link dk.laeringsledelse.command.support.IdempotencyEnhancer}
 * answers it.
 *
 * <p>State holds only what the rules need (ids, relations, flags; a goal's current description and expected signs
 * to tell whether a revision changes anything). It is Jackson-serializable through its fields for snapshots:
 * the nested state classes have no-arg constructors and the class-level {@link JsonAutoDetect} makes fields visible.
 * Snapshots are disposable caches; erasing a child's texts means dropping them.
 */
@AggregateRoot(type = "LearningCycle")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class LearningCycle implements KeepsIdempotencyKeys {

    /** "Today" for date rules is the date in Denmark. */
    static final ZoneId TODAY_ZONE = ZoneId.of("Europe/Copenhagen");

    static final int EXPECTED_SIGNS_MAX = 20;
    static final int CHILD_IDS_MAX = 100;
    static final int ACTIVITY_GOALS_MAX = 20;
    static final int ASSESSMENT_SIGNS_MAX = 200;

    enum Status { OPEN, COMPLETED, ABANDONED }

    @AggregateIdentifier
    private CycleId cycleId;
    private TeamId teamId;
    private LocalDate plannedStart;
    private Status status;
    private final Map<GoalId, Goal> goals = new LinkedHashMap<>();
    private final Map<ActivityId, Activity> activities = new HashMap<>();
    /** Sign id → the goal it was documented for. */
    private final Map<SignId, GoalId> signs = new HashMap<>();
    private final Set<AssessmentId> assessments = new HashSet<>();
    /** Feedback id → whether the team has responded. */
    private final Map<FeedbackId, Boolean> feedback = new HashMap<>();
    private final Set<ReflectionId> reflections = new HashSet<>();
    private final IdempotencyKeys idempotencyKeys = new IdempotencyKeys();

    /** For Axon (event sourcing, creation policy) and Jackson (snapshots). */
    public LearningCycle() {
    }

    /**
     * Every command answers with what it created (or null) and the cycle's version after it, so that the caller
     * can wait until a read model reflects its own write.
     */
    @Override
    public IdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }

    @CommandHandlerInterceptor
    public Object answerWithVersion(InterceptorChain chain) throws Exception {
        return Outcomes.withVersion(chain);
    }

    // ---------------------------------------------------------------- start

    /**
     * Creates the cycle. Handled with CREATE_IF_MISSING instead of a creation constructor so that a repeat of the
     * same StartLearningCycle (the application derives the cycle id from the idempotency key) reaches the existing
     * cycle and returns its id, instead of failing on a duplicate aggregate. Starting an existing cycle id otherwise
     * is a CONFLICT. Two concurrent first starts can still race: the loser gets Axon's
     * AggregateStreamCreationException, and a retry then takes the idempotent path.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(StartLearningCycle command) {
        Check.id("cycleId", command.cycleId());
        Check.id("teamId", command.teamId());
        String title = Check.text("title", command.title(), Check.TITLE_MAX);
        PlannedPeriod period = Check.required("plannedPeriod", command.plannedPeriod());
        Check.date("plannedPeriod.start", period.start());
        Check.date("plannedPeriod.end", period.end());
        if (period.end().isBefore(period.start())) {
            throw RuleViolation.badRequest("plannedPeriod.end", "plannedPeriod.end must not be before plannedPeriod.start");
        }
        Check.required("dataBasis", command.dataBasis());
        Check.text("dataBasis.findings", command.dataBasis().findings(), Check.TEXT_MAX);
        Check.text("dataBasis.sources", command.dataBasis().sources(), Check.TEXT_MAX);
        if (cycleId != null) {
            throw RuleViolation.conflict("cycleId", "cycleId " + cycleId + " already exists");
        }
        apply(new LearningCycleStarted(command.cycleId(), command.teamId(), title, period, command.dataBasis()));
        return command.cycleId().value();
    }

    @EventSourcingHandler
    void on(LearningCycleStarted event) {
        cycleId = event.cycleId();
        teamId = event.teamId();
        plannedStart = event.plannedPeriod().start();
        status = Status.OPEN;
    }

    // ---------------------------------------------------------------- goals

    @CommandHandler
    public String handle(SetLearningGoal command) {
        Check.id("goalId", command.goalId());
        String description = Check.text("description", command.description(), Check.TEXT_MAX);
        String theme = Check.text("curriculumTheme", command.curriculumTheme(), Check.LABEL_MAX);
        checkCurriculumTheme(command.institutionKind(), theme);
        TargetGroup targetGroup = checkTargetGroup(command.targetGroup());
        List<String> expectedSigns = Check.texts("expectedSigns", command.expectedSigns(),
                1, EXPECTED_SIGNS_MAX, Check.TEXT_MAX);
        String adaptation = Check.optionalText("adaptation", command.adaptation(), Check.TEXT_MAX);
        requireOpen();
        if (goals.containsKey(command.goalId())) {
            throw RuleViolation.conflict("goalId", "goalId " + command.goalId() + " already exists in this cycle");
        }
        apply(new LearningGoalSet(cycleId, teamId, command.goalId(), description, theme, targetGroup,
                expectedSigns, adaptation));
        return command.goalId().value();
    }

    /** Goals name a curriculum theme of their institution's kind (reference data). */
    private static void checkCurriculumTheme(String institutionKind, String theme) {
        InstitutionKind kind = institutionKind == null ? null : InstitutionKind.valueOf(institutionKind);
        if (kind != null && CurriculumThemes.find(kind, theme).isEmpty()) {
            throw RuleViolation.badRequest("curriculumTheme", "curriculumTheme must be one of the themes of "
                    + kind + " institutions: " + String.join(", ",
                    CurriculumThemes.of(kind).stream().map(CurriculumThemes.Theme::code).toList()));
        }
    }

    private static TargetGroup checkTargetGroup(TargetGroup group) {
        Check.required("targetGroup", group);
        Check.required("targetGroup.kind", group.kind());
        String description = Check.optionalText("targetGroup.description", group.description(), Check.TEXT_MAX);
        var childIds = Check.ids("targetGroup.childIds", group.childIds(), 0, CHILD_IDS_MAX);
        if (group.kind() == TargetGroupKind.INDIVIDUAL_CHILDREN && childIds.isEmpty()) {
            throw RuleViolation.badRequest("targetGroup.childIds",
                    "targetGroup.childIds must not be empty for INDIVIDUAL_CHILDREN");
        }
        if (group.kind() == TargetGroupKind.WHOLE_GROUP && !childIds.isEmpty()) {
            throw RuleViolation.badRequest("targetGroup.childIds",
                    "targetGroup.childIds must be empty for WHOLE_GROUP");
        }
        return new TargetGroup(group.kind(), description, childIds);
    }

    @EventSourcingHandler
    void on(LearningGoalSet event) {
        goals.put(event.goalId(), new Goal(event.description(), event.expectedSigns()));
    }

    @CommandHandler
    public String handle(ReviseLearningGoal command) {
        Check.id("goalId", command.goalId());
        String description = Check.optionalText("description", command.description(), Check.TEXT_MAX);
        List<String> expectedSigns = command.expectedSigns() == null ? null
                : Check.texts("expectedSigns", command.expectedSigns(), 1, EXPECTED_SIGNS_MAX, Check.TEXT_MAX);
        String reason = Check.text("reason", command.reason(), Check.TEXT_MAX);
        if (description == null && expectedSigns == null) {
            throw RuleViolation.badRequest("description", "description or expectedSigns must be given");
        }
        requireOpen();
        Goal goal = goal("goalId", command.goalId());
        String newDescription = Objects.equals(description, goal.description) ? null : description;
        List<String> newSigns = Objects.equals(expectedSigns, goal.expectedSigns) ? null : expectedSigns;
        if (newDescription == null && newSigns == null) {
            throw RuleViolation.badRequest("description",
                    "description or expectedSigns must differ from the goal's current ones");
        }
        apply(new LearningGoalRevised(cycleId, teamId, command.goalId(), newDescription, newSigns, reason));
        return null;
    }

    @EventSourcingHandler
    void on(LearningGoalRevised event) {
        Goal goal = goals.get(event.goalId());
        if (event.description() != null) {
            goal.description = event.description();
        }
        if (event.expectedSigns() != null) {
            goal.expectedSigns = List.copyOf(event.expectedSigns());
        }
    }

    // ---------------------------------------------------------------- activities

    @CommandHandler
    public String handle(PlanActivity command) {
        Check.id("activityId", command.activityId());
        List<GoalId> goalIds = Check.ids("goalIds", command.goalIds(), 1, ACTIVITY_GOALS_MAX);
        String description = Check.text("description", command.description(), Check.TEXT_MAX);
        String method = Check.optionalText("methodAndOrganisation", command.methodAndOrganisation(), Check.TEXT_MAX);
        LocalDate plannedDate = Check.date("plannedDate", command.plannedDate());
        String adaptation = Check.optionalText("adaptation", command.adaptation(), Check.TEXT_MAX);
        requireOpen();
        if (activities.containsKey(command.activityId())) {
            throw RuleViolation.conflict("activityId",
                    "activityId " + command.activityId() + " already exists in this cycle");
        }
        for (int i = 0; i < goalIds.size(); i++) {
            goal("goalIds[" + i + "]", goalIds.get(i));
        }
        apply(new ActivityPlanned(cycleId, teamId, command.activityId(), goalIds, description, method,
                plannedDate, adaptation));
        return command.activityId().value();
    }

    @EventSourcingHandler
    void on(ActivityPlanned event) {
        activities.put(event.activityId(), new Activity(event.goalIds()));
    }

    @CommandHandler
    public String handle(RecordActivityCarriedOut command, Clock clock) {
        Check.id("activityId", command.activityId());
        LocalDate carriedOutOn = Check.date("carriedOutOn", command.carriedOutOn());
        String notes = Check.optionalText("notes", command.notes(), Check.TEXT_MAX);
        requireOpen();
        checkNotFutureNorBeforeStart("carriedOutOn", carriedOutOn, clock);
        Activity activity = activity("activityId", command.activityId());
        if (activity.cancelled) {
            throw RuleViolation.conflict("activityId",
                    "activityId " + command.activityId() + " was cancelled and cannot be carried out");
        }
        if (activity.carriedOut) {
            throw RuleViolation.conflict("activityId",
                    "activityId " + command.activityId() + " was already carried out");
        }
        apply(new ActivityCarriedOut(cycleId, teamId, command.activityId(), carriedOutOn, notes));
        return null;
    }

    @EventSourcingHandler
    void on(ActivityCarriedOut event) {
        activities.get(event.activityId()).carriedOut = true;
    }

    @CommandHandler
    public String handle(CancelActivity command) {
        Check.id("activityId", command.activityId());
        String reason = Check.text("reason", command.reason(), Check.TEXT_MAX);
        requireOpen();
        Activity activity = activity("activityId", command.activityId());
        if (activity.carriedOut) {
            throw RuleViolation.conflict("activityId",
                    "activityId " + command.activityId() + " was carried out and cannot be cancelled");
        }
        if (activity.cancelled) {
            throw RuleViolation.conflict("activityId",
                    "activityId " + command.activityId() + " was already cancelled");
        }
        apply(new ActivityCancelled(cycleId, teamId, command.activityId(), reason));
        return null;
    }

    @EventSourcingHandler
    void on(ActivityCancelled event) {
        activities.get(event.activityId()).cancelled = true;
    }

    // ---------------------------------------------------------------- signs of learning

    /**
     * Documents a sign of learning. If an activity is given it must exist (NOT_FOUND), serve the sign's goal
     * (BAD_REQUEST: the pair is inconsistent input) and not be cancelled (CONFLICT); it need not be recorded as
     * carried out yet, since documentation often comes before that bookkeeping.
     */
    @CommandHandler
    public String handle(DocumentSignOfLearning command, Clock clock) {
        Check.id("signId", command.signId());
        Check.id("goalId", command.goalId());
        Check.optionalId("activityId", command.activityId());
        LocalDate observedOn = Check.date("observedOn", command.observedOn());
        String observation = Check.text("observation", command.observation(), Check.TEXT_MAX);
        Integer matched = command.matchedExpectedSign();
        if (matched != null && matched < 0) {
            throw RuleViolation.badRequest("matchedExpectedSign", "matchedExpectedSign must not be negative");
        }
        Check.required("evidenceKind", command.evidenceKind());
        var childIds = Check.ids("childIds", command.childIds(), 0, CHILD_IDS_MAX);
        requireOpen();
        checkNotFutureNorBeforeStart("observedOn", observedOn, clock);
        if (signs.containsKey(command.signId())) {
            throw RuleViolation.conflict("signId", "signId " + command.signId() + " already exists in this cycle");
        }
        Goal goal = goal("goalId", command.goalId());
        if (command.activityId() != null) {
            Activity activity = activity("activityId", command.activityId());
            if (!activity.goalIds.contains(command.goalId())) {
                throw RuleViolation.badRequest("activityId", "activityId " + command.activityId()
                        + " does not serve goalId " + command.goalId());
            }
            if (activity.cancelled) {
                throw RuleViolation.conflict("activityId", "activityId " + command.activityId()
                        + " was cancelled; no sign can be observed in it");
            }
        }
        if (matched != null && matched >= goal.expectedSigns.size()) {
            throw RuleViolation.badRequest("matchedExpectedSign", "matchedExpectedSign must be less than "
                    + goal.expectedSigns.size() + ", the number of expected signs of goalId " + command.goalId());
        }
        apply(new SignOfLearningDocumented(cycleId, teamId, command.signId(), command.goalId(), command.activityId(),
                observedOn, observation, matched, command.evidenceKind(), childIds));
        return command.signId().value();
    }

    @EventSourcingHandler
    void on(SignOfLearningDocumented event) {
        signs.put(event.signId(), event.goalId());
    }

    // ---------------------------------------------------------------- assessments

    @CommandHandler
    public String handle(AssessGoalAttainment command) {
        Check.id("assessmentId", command.assessmentId());
        Check.id("goalId", command.goalId());
        Attainment attainment = Check.required("attainment", command.attainment());
        String rationale = Check.text("rationale", command.rationale(), Check.TEXT_MAX);
        List<SignId> signIds = Check.ids("signIds", command.signIds(), 0, ASSESSMENT_SIGNS_MAX);
        if (attainment == Attainment.ACHIEVED && signIds.isEmpty()) {
            throw RuleViolation.badRequest("signIds", "signIds must not be empty when attainment is ACHIEVED");
        }
        requireOpen();
        if (assessments.contains(command.assessmentId())) {
            throw RuleViolation.conflict("assessmentId",
                    "assessmentId " + command.assessmentId() + " already exists in this cycle");
        }
        goal("goalId", command.goalId());
        for (int i = 0; i < signIds.size(); i++) {
            String field = "signIds[" + i + "]";
            GoalId signGoal = signs.get(signIds.get(i));
            if (signGoal == null) {
                throw RuleViolation.notFound(field, field + " " + signIds.get(i) + " does not exist in this cycle");
            }
            if (!signGoal.equals(command.goalId())) {
                throw RuleViolation.badRequest(field, field + " " + signIds.get(i)
                        + " is a sign of goalId " + signGoal + ", not of goalId " + command.goalId());
            }
        }
        apply(new GoalAttainmentAssessed(cycleId, teamId, command.assessmentId(), command.goalId(), attainment,
                rationale, signIds));
        return command.assessmentId().value();
    }

    @EventSourcingHandler
    void on(GoalAttainmentAssessed event) {
        assessments.add(event.assessmentId());
        goals.get(event.goalId()).assessed = true;
    }

    // ---------------------------------------------------------------- feedback and reflection

    @CommandHandler
    public String handle(GiveFeedback command) {
        Check.id("feedbackId", command.feedbackId());
        FeedbackAbout about = Check.required("about", command.about());
        Check.required("about.kind", about.kind());
        if (about.kind() == FeedbackAboutKind.CYCLE) {
            if (about.referenceId() != null) {
                throw RuleViolation.badRequest("about.referenceId", "about.referenceId must be empty for CYCLE");
            }
        } else {
            Check.id("about.referenceId", about.referenceId());
        }
        Check.required("authorRole", command.authorRole());
        String text = Check.text("text", command.text(), Check.TEXT_MAX);
        requireOpen();
        if (feedback.containsKey(command.feedbackId())) {
            throw RuleViolation.conflict("feedbackId",
                    "feedbackId " + command.feedbackId() + " already exists in this cycle");
        }
        boolean exists = switch (about.kind()) {
            case CYCLE -> true;
            case GOAL -> goals.containsKey(GoalId.of(about.referenceId()));
            case ACTIVITY -> activities.containsKey(ActivityId.of(about.referenceId()));
            case SIGN -> signs.containsKey(SignId.of(about.referenceId()));
            case ASSESSMENT -> assessments.contains(AssessmentId.of(about.referenceId()));
        };
        if (!exists) {
            throw RuleViolation.notFound("about.referenceId", "about.referenceId " + about.referenceId()
                    + " is no " + about.kind() + " of this cycle");
        }
        apply(new FeedbackGiven(cycleId, teamId, command.feedbackId(), about, command.authorRole(), text));
        return command.feedbackId().value();
    }

    @EventSourcingHandler
    void on(FeedbackGiven event) {
        feedback.put(event.feedbackId(), false);
    }

    @CommandHandler
    public String handle(RespondToFeedback command) {
        Check.id("feedbackId", command.feedbackId());
        String text = Check.text("text", command.text(), Check.TEXT_MAX);
        requireOpen();
        Boolean responded = feedback.get(command.feedbackId());
        if (responded == null) {
            throw RuleViolation.notFound("feedbackId",
                    "feedbackId " + command.feedbackId() + " does not exist in this cycle");
        }
        if (responded) {
            throw RuleViolation.conflict("feedbackId",
                    "feedbackId " + command.feedbackId() + " already has a response");
        }
        apply(new FeedbackResponded(cycleId, teamId, command.feedbackId(), text));
        return null;
    }

    @EventSourcingHandler
    void on(FeedbackResponded event) {
        feedback.put(event.feedbackId(), true);
    }

    @CommandHandler
    public String handle(RecordReflection command) {
        Check.id("reflectionId", command.reflectionId());
        String learnings = Check.text("practiceLearnings", command.practiceLearnings(), Check.TEXT_MAX);
        String adjustments = Check.text("plannedAdjustments", command.plannedAdjustments(), Check.TEXT_MAX);
        requireOpen();
        if (reflections.contains(command.reflectionId())) {
            throw RuleViolation.conflict("reflectionId",
                    "reflectionId " + command.reflectionId() + " already exists in this cycle");
        }
        apply(new ReflectionRecorded(cycleId, teamId, command.reflectionId(), learnings, adjustments));
        return command.reflectionId().value();
    }

    @EventSourcingHandler
    void on(ReflectionRecorded event) {
        reflections.add(event.reflectionId());
    }

    // ---------------------------------------------------------------- end of the cycle

    @CommandHandler
    public String handle(CompleteLearningCycle command) {
        String summary = Check.text("summary", command.summary(), Check.TEXT_MAX);
        String nextSteps = Check.text("nextSteps", command.nextSteps(), Check.TEXT_MAX);
        requireOpen();
        if (goals.isEmpty()) {
            throw RuleViolation.conflict("cycleId", "a cycle without learning goals cannot be completed");
        }
        for (Map.Entry<GoalId, Goal> goal : goals.entrySet()) {
            if (!goal.getValue().assessed) {
                throw RuleViolation.conflict("cycleId", "goalId " + goal.getKey()
                        + " has not been assessed; every goal must be assessed before completion");
            }
        }
        apply(new LearningCycleCompleted(cycleId, teamId, summary, nextSteps));
        return null;
    }

    @EventSourcingHandler
    void on(LearningCycleCompleted event) {
        status = Status.COMPLETED;
    }

    @CommandHandler
    public String handle(AbandonLearningCycle command) {
        String reason = Check.text("reason", command.reason(), Check.TEXT_MAX);
        requireOpen();
        apply(new LearningCycleAbandoned(cycleId, teamId, reason));
        return null;
    }

    @EventSourcingHandler
    void on(LearningCycleAbandoned event) {
        status = Status.ABANDONED;
    }

    // ---------------------------------------------------------------- helpers

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw RuleViolation.conflict("cycleId", "cycleId " + cycleId + " is " + status.name().toLowerCase()
                    + "; nothing can be added to it");
        }
    }

    private Goal goal(String field, GoalId goalId) {
        Goal goal = goals.get(goalId);
        if (goal == null) {
            throw RuleViolation.notFound(field, field + " " + goalId + " does not exist in this cycle");
        }
        return goal;
    }

    private Activity activity(String field, ActivityId activityId) {
        Activity activity = activities.get(activityId);
        if (activity == null) {
            throw RuleViolation.notFound(field, field + " " + activityId + " does not exist in this cycle");
        }
        return activity;
    }

    private void checkNotFutureNorBeforeStart(String field, LocalDate date, Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), TODAY_ZONE);
        if (date.isAfter(today)) {
            throw RuleViolation.badRequest(field, field + " must not be in the future (today is " + today + ")");
        }
        if (date.isBefore(plannedStart)) {
            throw RuleViolation.badRequest(field,
                    field + " must not be before the cycle's planned start " + plannedStart);
        }
    }

    /** A goal's state (equality by value: the test fixture compares sourced and working state): what a revision compares against, how many expected signs a sign may match, if assessed. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    static final class Goal {
        private String description;
        private List<String> expectedSigns = List.of();
        private boolean assessed;

        Goal() {
        }

        Goal(String description, List<String> expectedSigns) {
            this.description = description;
            this.expectedSigns = List.copyOf(expectedSigns);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Goal other && Objects.equals(description, other.description)
                    && expectedSigns.equals(other.expectedSigns) && assessed == other.assessed;
        }

        @Override
        public int hashCode() {
            return Objects.hash(description, expectedSigns, assessed);
        }
    }

    /** An activity's state: the goals it serves, whether it was carried out or cancelled. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    static final class Activity {
        private Set<GoalId> goalIds = Set.of();
        private boolean carriedOut;
        private boolean cancelled;

        Activity() {
        }

        Activity(List<GoalId> goalIds) {
            this.goalIds = Set.copyOf(goalIds);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Activity other && goalIds.equals(other.goalIds)
                    && carriedOut == other.carriedOut && cancelled == other.cancelled;
        }

        @Override
        public int hashCode() {
            return Objects.hash(goalIds, carriedOut, cancelled);
        }
    }
}
