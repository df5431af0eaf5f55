package dk.laeringsledelse.query;

import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.cycle.*;
import dk.laeringsledelse.kernel.module.ModuleAnswerApproved;
import dk.laeringsledelse.kernel.module.ModuleAnswerId;
import dk.laeringsledelse.kernel.module.ModuleAnswerSubmitted;
import dk.laeringsledelse.kernel.module.ModuleFeedbackGiven;
import dk.laeringsledelse.kernel.module.ModuleId;
import dk.laeringsledelse.kernel.module.Modules;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.organisation.MunicipalityId;
import dk.laeringsledelse.kernel.organisation.TeamRegistered;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * Test data for the dashboard projections: one team's events as domain event messages, each with its aggregate's
 * sequence number, a time and an actor.
 */
public final class DashboardEvents {

    public static final TeamId TEAM = TeamId.of("team-1");
    public static final InstitutionId INSTITUTION = InstitutionId.of("institution-1");
    public static final CycleId CYCLE = new CycleId("cycle-1");
    public static final GoalId GOAL = new GoalId("goal-1");
    public static final GoalId OTHER_GOAL = new GoalId("goal-2");
    public static final ModuleId MODULE = Modules.TEAM_DATA_TO_PRACTICE;
    public static final ModuleAnswerId ANSWER = ModuleAnswerId.of(TEAM, MODULE);
    /** A Monday, 08:00 UTC. */
    public static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    public static final Instant HOUR = T0.plusSeconds(3600);

    private DashboardEvents() {
    }

    public static DomainEventMessage<?> teamRegistered() {
        return message("Team", TEAM.value(), 0, new TeamRegistered(TEAM, INSTITUTION, MunicipalityId.of("m-1"),
                "Spiren", "3-4 år"), T0, "operator");
    }

    public static DomainEventMessage<?> cycle(long sequence, LearningCycleEvent payload, Instant at, String actor) {
        return message("LearningCycle", CYCLE.value(), sequence, payload, at, actor);
    }

    public static DomainEventMessage<?> module(long sequence, Object payload, Instant at, String actor) {
        return message("ModuleAnswer", ANSWER.value(), sequence, payload, at, actor);
    }

    public static LearningCycleStarted started() {
        return new LearningCycleStarted(CYCLE, TEAM, "Sprog", new PlannedPeriod(LocalDate.parse("2026-11-01"),
                LocalDate.parse("2027-01-31")), new DataBasis("T1", "Profilanalyse"));
    }

    public static LearningGoalSet goalSet(GoalId goal) {
        return new LearningGoalSet(CYCLE, TEAM, goal, "Ordforråd", "kommunikation-og-sprog",
                new TargetGroup(TargetGroupKind.WHOLE_GROUP, null, List.of()), List.of("Bruger nye ord"), null);
    }

    public static SignOfLearningDocumented sign(String id, GoalId goal, LocalDate observedOn) {
        return new SignOfLearningDocumented(CYCLE, TEAM, new SignId(id), goal, null, observedOn, "Barn brugte ordet",
                0, EvidenceKind.OBSERVATION, List.of());
    }

    public static GoalAttainmentAssessed assessed(String id, GoalId goal, Attainment attainment) {
        return new GoalAttainmentAssessed(CYCLE, TEAM, AssessmentId.of(id), goal, attainment, "Ses hos nogle",
                List.of());
    }

    public static FeedbackGiven feedback(String id, FeedbackAbout about) {
        return new FeedbackGiven(CYCLE, TEAM, new FeedbackId(id), about, AuthorRole.RESOURCE_PERSON, "Godt arbejde");
    }

    public static FeedbackResponded responded(String id) {
        return new FeedbackResponded(CYCLE, TEAM, new FeedbackId(id), "Tak");
    }

    public static LearningCycleCompleted completed() {
        return new LearningCycleCompleted(CYCLE, TEAM, "Delvist nået", "Fortsæt");
    }

    public static ModuleAnswerSubmitted submitted(int version) {
        return new ModuleAnswerSubmitted(ANSWER, TEAM, MODULE, version, "Vores svar " + version);
    }

    public static ModuleFeedbackGiven moduleFeedback(String id, int version) {
        return new ModuleFeedbackGiven(ANSWER, TEAM, MODULE, new FeedbackId(id), version, "Uddyb");
    }

    public static ModuleAnswerApproved approved(int version) {
        return new ModuleAnswerApproved(ANSWER, TEAM, MODULE, version);
    }

    private static DomainEventMessage<?> message(String type, String aggregateId, long sequence, Object payload,
                                                 Instant at, String actor) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload,
                MetaData.with(MetaDataKeys.ACTOR, actor), type + "-" + aggregateId + "-" + sequence, at);
    }
}
