package dk.laeringsledelse.app.storedform;

import dk.laeringsledelse.kernel.cycle.ActivityCancelled;
import dk.laeringsledelse.kernel.cycle.ActivityCarriedOut;
import dk.laeringsledelse.kernel.cycle.ActivityId;
import dk.laeringsledelse.kernel.cycle.ActivityPlanned;
import dk.laeringsledelse.kernel.cycle.AssessmentId;
import dk.laeringsledelse.kernel.cycle.Attainment;
import dk.laeringsledelse.kernel.cycle.AuthorRole;
import dk.laeringsledelse.kernel.cycle.ChildId;
import dk.laeringsledelse.kernel.cycle.CycleId;
import dk.laeringsledelse.kernel.cycle.DataBasis;
import dk.laeringsledelse.kernel.cycle.EvidenceKind;
import dk.laeringsledelse.kernel.cycle.FeedbackAbout;
import dk.laeringsledelse.kernel.cycle.FeedbackGiven;
import dk.laeringsledelse.kernel.cycle.FeedbackId;
import dk.laeringsledelse.kernel.cycle.FeedbackResponded;
import dk.laeringsledelse.kernel.cycle.GoalAttainmentAssessed;
import dk.laeringsledelse.kernel.cycle.GoalId;
import dk.laeringsledelse.kernel.cycle.LearningCycleAbandoned;
import dk.laeringsledelse.kernel.cycle.LearningCycleCompleted;
import dk.laeringsledelse.kernel.cycle.LearningCycleStarted;
import dk.laeringsledelse.kernel.cycle.LearningGoalRevised;
import dk.laeringsledelse.kernel.cycle.LearningGoalSet;
import dk.laeringsledelse.kernel.cycle.PlannedPeriod;
import dk.laeringsledelse.kernel.cycle.ReflectionId;
import dk.laeringsledelse.kernel.cycle.ReflectionRecorded;
import dk.laeringsledelse.kernel.cycle.SignId;
import dk.laeringsledelse.kernel.cycle.SignOfLearningDocumented;
import dk.laeringsledelse.kernel.cycle.TargetGroup;
import dk.laeringsledelse.kernel.cycle.TargetGroupKind;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.measurement.Indicators;
import dk.laeringsledelse.kernel.measurement.MeasurementCorrected;
import dk.laeringsledelse.kernel.measurement.MeasurementRecorded;
import dk.laeringsledelse.kernel.measurement.Round;
import dk.laeringsledelse.kernel.module.ModuleAnswerApproved;
import dk.laeringsledelse.kernel.module.ModuleAnswerId;
import dk.laeringsledelse.kernel.module.ModuleAnswerSubmitted;
import dk.laeringsledelse.kernel.module.ModuleFeedbackGiven;
import dk.laeringsledelse.kernel.module.ModuleId;
import dk.laeringsledelse.kernel.module.Modules;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.organisation.InstitutionKind;
import dk.laeringsledelse.kernel.organisation.InstitutionRegistered;
import dk.laeringsledelse.kernel.organisation.InstitutionRenamed;
import dk.laeringsledelse.kernel.organisation.InstitutionRetired;
import dk.laeringsledelse.kernel.organisation.InstitutionRoleAssigned;
import dk.laeringsledelse.kernel.organisation.InstitutionRoleUnassigned;
import dk.laeringsledelse.kernel.organisation.MunicipalRoleAssigned;
import dk.laeringsledelse.kernel.organisation.MunicipalRoleUnassigned;
import dk.laeringsledelse.kernel.organisation.MunicipalityId;
import dk.laeringsledelse.kernel.organisation.MunicipalityRegistered;
import dk.laeringsledelse.kernel.organisation.MunicipalityRenamed;
import dk.laeringsledelse.kernel.organisation.MunicipalityRetired;
import dk.laeringsledelse.kernel.organisation.PersonId;
import dk.laeringsledelse.kernel.organisation.Role;
import dk.laeringsledelse.kernel.organisation.TeamRegistered;
import dk.laeringsledelse.kernel.organisation.TeamRenamed;
import dk.laeringsledelse.kernel.organisation.TeamRetired;
import dk.laeringsledelse.kernel.organisation.TeamRoleAssigned;
import dk.laeringsledelse.kernel.organisation.TeamRoleUnassigned;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One sample of every event type, filled so that each kind of field (dates, decimals, enums, lists, nulls, typed ids)
 * shows in its stored form. A new event type needs a sample here (the stored-form test finds it and fails until then).
 */
final class EventSamples {

    private static final MunicipalityId MUNICIPALITY = MunicipalityId.of("municipality-1");
    private static final InstitutionId INSTITUTION = InstitutionId.of("institution-1");
    private static final TeamId TEAM = TeamId.of("team-1");
    private static final PersonId PERSON = PersonId.of("person-1");
    private static final CycleId CYCLE = CycleId.of("cycle-1");
    private static final GoalId GOAL = GoalId.of("goal-1");
    private static final ActivityId ACTIVITY = ActivityId.of("activity-1");
    private static final SignId SIGN = SignId.of("sign-1");
    private static final FeedbackId FEEDBACK = FeedbackId.of("feedback-1");
    private static final ChildId CHILD = ChildId.of("child-7f3a");
    private static final ModuleId MODULE = Modules.TEAM_DATA_TO_PRACTICE;
    private static final ModuleAnswerId ANSWER = ModuleAnswerId.of(TEAM, MODULE);

    private EventSamples() {
    }

    static List<Object> all() {
        return List.of(
                new MunicipalityRegistered(MUNICIPALITY, "Aarhus Kommune"),
                new MunicipalityRenamed(MUNICIPALITY, "Århus Kommune"),
                new MunicipalityRetired(MUNICIPALITY),
                new MunicipalRoleAssigned(MUNICIPALITY, PERSON, Role.AUDITOR),
                new MunicipalRoleUnassigned(MUNICIPALITY, PERSON, Role.ADMIN),
                new InstitutionRegistered(INSTITUTION, MUNICIPALITY, "Børnehuset Solsikken", InstitutionKind.DAYCARE),
                new InstitutionRenamed(INSTITUTION, MUNICIPALITY, "Solsikken"),
                new InstitutionRetired(INSTITUTION, MUNICIPALITY),
                new InstitutionRoleAssigned(INSTITUTION, MUNICIPALITY, PERSON, Role.LEADER),
                new InstitutionRoleUnassigned(INSTITUTION, MUNICIPALITY, PERSON, Role.LEADER),
                new TeamRegistered(TEAM, INSTITUTION, MUNICIPALITY, "Spiren", "3-4 år"),
                new TeamRenamed(TEAM, INSTITUTION, MUNICIPALITY, "Spirerne"),
                new TeamRetired(TEAM, INSTITUTION, MUNICIPALITY),
                new TeamRoleAssigned(TEAM, INSTITUTION, MUNICIPALITY, PERSON, Role.EDUCATOR),
                new TeamRoleUnassigned(TEAM, INSTITUTION, MUNICIPALITY, PERSON, Role.RESOURCE_PERSON),
                new LearningCycleStarted(CYCLE, TEAM, "Sprog i hverdagen",
                        new PlannedPeriod(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 19)),
                        new DataBasis("En tredjedel af børnene har et lille ordforråd.", "Sprogvurdering 2025")),
                new LearningGoalSet(CYCLE, TEAM, GOAL, "Børnene udvider deres ordforråd om naturen.",
                        "kommunikation-og-sprog",
                        new TargetGroup(TargetGroupKind.INDIVIDUAL_CHILDREN, "Børn med lille ordforråd", List.of(CHILD)),
                        List.of("Bruger nye ord om naturen"), null),
                new LearningGoalRevised(CYCLE, TEAM, GOAL, null, List.of("Bruger mindst tre nye naturord"),
                        "Tegnene var for vage"),
                new ActivityPlanned(CYCLE, TEAM, ACTIVITY, List.of(GOAL), "Ordjagt i skoven", "Grupper á fire",
                        LocalDate.of(2025, 9, 15), null),
                new ActivityCarriedOut(CYCLE, TEAM, ACTIVITY, LocalDate.of(2025, 9, 16), "Regn; flyttet en dag"),
                new ActivityCancelled(CYCLE, TEAM, ACTIVITY, "Personalemangel"),
                new SignOfLearningDocumented(CYCLE, TEAM, SIGN, GOAL, ACTIVITY, LocalDate.of(2025, 9, 16),
                        "Barnet sagde 'bregne' og pegede", 0, EvidenceKind.OBSERVATION, List.of(CHILD)),
                new GoalAttainmentAssessed(CYCLE, TEAM, AssessmentId.of("assessment-1"), GOAL, Attainment.PARTLY,
                        "Halvdelen bruger nye ord", List.of(SIGN)),
                new FeedbackGiven(CYCLE, TEAM, FEEDBACK, FeedbackAbout.goal(GOAL), AuthorRole.RESOURCE_PERSON,
                        "Gør tegnene mere konkrete"),
                new FeedbackResponded(CYCLE, TEAM, FEEDBACK, "Tak, vi har revideret tegnene"),
                new ReflectionRecorded(CYCLE, TEAM, ReflectionId.of("reflection-1"), "Små grupper giver samtaler",
                        "Flere aktiviteter i små grupper"),
                new LearningCycleCompleted(CYCLE, TEAM, "Målet er delvist nået", "Fortsæt i foråret"),
                new LearningCycleAbandoned(CYCLE, TEAM, "Teamet er lagt sammen med et andet"),
                new MeasurementRecorded(INSTITUTION, TEAM, Round.T1, LocalDate.of(2025, 3, 14), Indicators.LANGUAGE,
                        new BigDecimal("3.40"), new BigDecimal("1"), new BigDecimal("5"), 22),
                new MeasurementCorrected(INSTITUTION, null, Round.T2, LocalDate.of(2026, 3, 13),
                        Indicators.TRUST_IN_INSTITUTION, new BigDecimal("78.5"), new BigDecimal("0"),
                        new BigDecimal("100"), 64, "Et skema var talt med to gange"),
                new ModuleAnswerSubmitted(ANSWER, TEAM, MODULE, 2, "Vi har valgt to fokusområder."),
                new ModuleFeedbackGiven(ANSWER, TEAM, MODULE, FEEDBACK, 1, "Beskriv opfølgningen ved T2."),
                new ModuleAnswerApproved(ANSWER, TEAM, MODULE, 2));
    }
}
