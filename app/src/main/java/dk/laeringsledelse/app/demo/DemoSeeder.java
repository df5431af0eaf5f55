package dk.laeringsledelse.app.demo;

import dk.laeringsledelse.kernel.MetaDataKeys;
import dk.laeringsledelse.kernel.cycle.*;
import dk.laeringsledelse.kernel.organisation.*;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * {@code --demo} (demo mode only): seeds a realistic organisation and learning cycles in different phases through the
 * same commands people send, each in the name of the person who would send it, so that a newcomer sees meaningful
 * data at once. Runs once per data folder: if the demo municipality exists, nothing is sent and the start goes on. The
 * people are listed in docs/api.md (Demo data); get a token for any of them with {@code POST /dev/token}.
 */
@Component
public class DemoSeeder implements ApplicationRunner {

    static final MunicipalityId MUNICIPALITY = MunicipalityId.of("demo");
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final CommandGateway commands;
    private final EventStore events;
    private final Clock clock;
    private final DemoProperties properties;

    public DemoSeeder(CommandGateway commands, EventStore events, Clock clock, DemoProperties properties) {
        this.commands = commands;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("demo") && !properties.demo()) {
            return;
        }
        if (!properties.demoMode()) {
            log.warn("--demo ignored: demo data is only seeded in demo mode, not in {} mode", properties.mode());
            return;
        }
        if (events.lastSequenceNumberFor(MUNICIPALITY.toString()).isPresent()) {
            log.info("Demo data is already present: left as it is");
            return;
        }
        try {
            send("admin", new RegisterMunicipality(MUNICIPALITY, "Demokommune"));
        } catch (AggregateStreamCreationException | ConcurrencyException seededMeanwhile) {
            // another instance on the same store registered it since the check above: it seeds the rest
            log.info("Demo data is being seeded by another instance: left to it");
            return;
        }
        seed(LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen"))));
        log.info("Demo data seeded: log in as e.g. mette (educator), lars (leader), ole.ppr (resource person) "
                + "or anne.revisor (auditor) with POST /dev/token");
    }

    private void seed(LocalDate today) {
        send("admin", new AssignMunicipalRole(MUNICIPALITY, PersonId.of("admin"), Role.ADMIN));
        send("admin", new AssignMunicipalRole(MUNICIPALITY, PersonId.of("anne.revisor"), Role.AUDITOR));

        InstitutionId solsikken = institution("solsikken", "Børnehuset Solsikken", InstitutionKind.DAYCARE, "lars");
        InstitutionId maelkeboetten = institution("maelkeboetten", "Vuggestuen Mælkebøtten", InstitutionKind.DAYCARE,
                "hanne");
        InstitutionId skovvang = institution("skovvangskolen", "Skovvangskolen", InstitutionKind.SCHOOL, "birgit");

        TeamId bier = team("bier", solsikken, "Bierne", "3-4 år", "mette", "pia");
        TeamId sommerfugle = team("sommerfugle", solsikken, "Sommerfuglene", "5-6 år", "jonas", null);
        TeamId spirer = team("spirer", maelkeboetten, "Spirerne", "0-2 år", "sara", null);
        TeamId froe = team("froe", maelkeboetten, "Frøene", "1-3 år", "ali", null);
        TeamId tredje = team("3a", skovvang, "3. årgang", "8-9 år", "karen", null);
        for (TeamId team : List.of(bier, spirer, tredje)) {
            send("admin", new AssignTeamRole(team, PersonId.of("ole.ppr"), Role.RESOURCE_PERSON));
        }

        // Bierne: the whole cycle up to evaluation, with feedback answered
        CycleId language = cycle("bier-sprog", bier, "pia", "Sprog i hverdagen", today.minusDays(70), today.plusDays(20),
                "Sprogvurderingen viser, at en tredjedel af børnene har et lille ordforråd");
        GoalId words = goal(language, "pia", "bier-ord", "Børnene udvider deres ordforråd om naturen",
                "kommunikation-og-sprog", List.of("Bruger nye ord om det, de finder", "Spørger til ords betydning"));
        ActivityId hunt = activity(language, "mette", "bier-ordjagt", words, "Ordjagt i skoven", today.minusDays(50));
        SignId first = sign(language, "mette", "bier-tegn-1", words, hunt, today.minusDays(49),
                "Flere børn brugte ordet 'bregne' og pegede", 0);
        SignId second = sign(language, "pia", "bier-tegn-2", words, hunt, today.minusDays(30),
                "Et barn spurgte hvad 'mos' betyder", 1);
        send("ole.ppr", new GiveFeedback(language, FeedbackId.of("bier-feedback-1"),
                FeedbackAbout.goal(words), AuthorRole.RESOURCE_PERSON, "Overvej at tælle nye ord over tid"));
        send("pia", new RespondToFeedback(language, FeedbackId.of("bier-feedback-1"),
                "Vi laver en ordliste pr. uge"));
        send("pia", new AssessGoalAttainment(language, AssessmentId.of("bier-vurdering-1"), words,
                Attainment.PARTLY, "Halvdelen af børnene bruger nye naturord", List.of(first, second)));
        send("lars", new GiveFeedback(language, FeedbackId.of("bier-feedback-2"), FeedbackAbout.cycle(),
                AuthorRole.LEADER, "Flot dokumentation; del ordlisten med Sommerfuglene"));

        // Sommerfuglene: acting, signs coming in
        CycleId play = cycle("sommerfugle-leg", sommerfugle, "jonas", "Fællesskab i legen", today.minusDays(30),
                today.plusDays(40), "Trivselsmålingen T1 viser, at nogle børn står uden for legen");
        GoalId together = goal(play, "jonas", "sommerfugle-leg-mål", "Alle børn indgår i lege med andre",
                "social-udvikling", List.of("Inviterer en ny legekammerat", "Bliver i legen over ti minutter"));
        ActivityId games = activity(play, "jonas", "sommerfugle-regellege", together, "Regellege i små grupper",
                today.minusDays(10));
        sign(play, "jonas", "sommerfugle-tegn-1", together, games, today.minusDays(9),
                "To børn inviterede et nyt barn med i fangeleg", 0);

        // Spirerne: planning
        CycleId motor = cycle("spirer-motorik", spirer, "sara", "Krop og bevægelse", today.minusDays(5),
                today.plusDays(60), "Motorikobservationer viser usikker balance hos de yngste");
        goal(motor, "sara", "spirer-balance", "Børnene afprøver balance på forskellige underlag",
                "krop-sanser-og-bevaegelse", List.of("Går selv på den bløde måtte"));

        // Frøene: completed
        CycleId nature = cycle("froe-natur", froe, "ali", "Udeliv hver dag", today.minusDays(120), today.minusDays(20),
                "Forældretilfredshed og observationer: få børn er ude om vinteren");
        GoalId outside = goal(nature, "ali", "froe-ude", "Børnene udforsker naturen i alt slags vejr",
                "natur-udeliv-og-science", List.of("Viser en voksen noget, de har fundet"));
        ActivityId trip = activity(nature, "ali", "froe-tur", outside, "Daglig tur i regntøj", today.minusDays(100));
        SignId found = sign(nature, "ali", "froe-tegn-1", outside, trip, today.minusDays(99),
                "Et barn viste stolt en snegl frem", 0);
        send("ali", new AssessGoalAttainment(nature, AssessmentId.of("froe-vurdering-1"), outside,
                Attainment.ACHIEVED, "Alle børn deltager og viser fund", List.of(found)));
        send("ali", new RecordReflection(nature, ReflectionId.of("froe-refleksion-1"),
                "Faste ture giver tryghed", "Vi fortsætter med ture hver dag"));
        send("ali", new CompleteLearningCycle(nature, "Målet er nået", "Næste forløb: sprog ude"));

        // 3. årgang: a school team, acting
        CycleId reading = cycle("3a-laesning", tredje, "karen", "Læselyst", today.minusDays(40), today.plusDays(50),
                "Læseprøven viser, at hver femte elev læser under niveau");
        GoalId readMore = goal(reading, "karen", "3a-laes", "Eleverne læser selvvalgte bøger hver dag", "dansk",
                List.of("Anbefaler en bog til en klassekammerat"));
        ActivityId club = activity(reading, "karen", "3a-bogklub", readMore, "Bogklub hver fredag", today.minusDays(20));
        sign(reading, "karen", "3a-tegn-1", readMore, club, today.minusDays(20),
                "Tre elever anbefalede bøger til hinanden", 0);
    }

    private InstitutionId institution(String id, String name, InstitutionKind kind, String leader) {
        InstitutionId institution = InstitutionId.of(id);
        send("admin", new RegisterInstitution(institution, MUNICIPALITY, name, kind));
        send("admin", new AssignInstitutionRole(institution, PersonId.of(leader), Role.LEADER));
        return institution;
    }

    private TeamId team(String id, InstitutionId institution, String name, String children, String educator,
                        String coordinator) {
        TeamId team = TeamId.of(id);
        send("admin", new RegisterTeam(team, institution, MUNICIPALITY, name, children));
        send("admin", new AssignTeamRole(team, PersonId.of(educator), Role.EDUCATOR));
        if (coordinator != null) {
            send("admin", new AssignTeamRole(team, PersonId.of(coordinator), Role.COORDINATOR));
        }
        return team;
    }

    private CycleId cycle(String id, TeamId team, String who, String title, LocalDate start, LocalDate end,
                          String findings) {
        CycleId cycle = CycleId.of(id);
        send(who, new StartLearningCycle(cycle, team, title, new PlannedPeriod(start, end),
                new DataBasis(findings, "Demodata")));
        return cycle;
    }

    private GoalId goal(CycleId cycle, String who, String id, String description, String theme, List<String> signs) {
        GoalId goal = GoalId.of(id);
        send(who, new SetLearningGoal(cycle, goal, description, theme,
                new TargetGroup(TargetGroupKind.WHOLE_GROUP, null, List.of()), signs, null));
        return goal;
    }

    private ActivityId activity(CycleId cycle, String who, String id, GoalId goal, String description, LocalDate on) {
        ActivityId activity = ActivityId.of(id);
        send(who, new PlanActivity(cycle, activity, List.of(goal), description, null, on, null));
        send(who, new RecordActivityCarriedOut(cycle, activity, on, null));
        return activity;
    }

    private SignId sign(CycleId cycle, String who, String id, GoalId goal, ActivityId activity, LocalDate on,
                        String observation, int expectedSign) {
        SignId sign = SignId.of(id);
        send(who, new DocumentSignOfLearning(cycle, sign, goal, activity, on, observation, expectedSign,
                EvidenceKind.OBSERVATION, List.of()));
        return sign;
    }

    /** Sends in the person's name and role, as their own mutation would. */
    private void send(String actor, Object command) {
        String role = switch (actor) {
            case "admin" -> "ADMIN";
            case "ole.ppr" -> "RESOURCE_PERSON";
            case "lars" -> "LEADER";
            case "pia" -> "COORDINATOR";
            default -> "EDUCATOR";
        };
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(
                MetaData.with(MetaDataKeys.ACTOR, actor).and(MetaDataKeys.ACTOR_ROLE, role)));
    }
}
