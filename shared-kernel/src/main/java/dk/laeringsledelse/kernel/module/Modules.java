package dk.laeringsledelse.kernel.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The e-learning modules of the program. Reference data: events store only the id, so titles may change and modules
 * may be added without touching history; an id, once used, is never removed or renamed.
 *
 * <ul>
 *   <li>Teams (seed 002, "E-læringsforløb bestående af tre moduler, der løses af det enkelte team i fællesskab"):
 *       the three modules, in the program's order.</li>
 *   <li>Leadership (seed 003): one module on interpreting and using the mapping survey's results.</li>
 *   <li>Resource persons (seeds 000, 001: "to moduler, der løses med kolleger"): the seeds name the course's content,
 *       not the modules' titles; the two titles here are taken from that content.</li>
 * </ul>
 */
public final class Modules {

    public static final ModuleId TEAM_DATA_TO_PRACTICE = ModuleId.of("TEAM_DATA_TO_PRACTICE");
    public static final ModuleId TEAM_GOAL_DRIVEN_PLANNING = ModuleId.of("TEAM_GOAL_DRIVEN_PLANNING");
    public static final ModuleId TEAM_LEARNING_COMMUNITY = ModuleId.of("TEAM_LEARNING_COMMUNITY");
    public static final ModuleId LEADER_MAPPING_RESULTS = ModuleId.of("LEADER_MAPPING_RESULTS");
    public static final ModuleId RESOURCE_PERSON_GUIDING_LEARNING_COMMUNITIES =
            ModuleId.of("RESOURCE_PERSON_GUIDING_LEARNING_COMMUNITIES");
    public static final ModuleId RESOURCE_PERSON_GUIDING_GOAL_DRIVEN_WORK =
            ModuleId.of("RESOURCE_PERSON_GUIDING_GOAL_DRIVEN_WORK");

    private static final Map<ModuleId, ELearningModule> ALL = index(
            new ELearningModule(TEAM_DATA_TO_PRACTICE,
                    "Fra analyse af data til udvikling af pædagogisk praksis",
                    "From data analysis to developing pedagogical practice", Audience.TEAM),
            new ELearningModule(TEAM_GOAL_DRIVEN_PLANNING,
                    "Læringsmålstyret planlægning og pædagogisk praksis",
                    "Learning-goal-driven planning and pedagogical practice", Audience.TEAM),
            new ELearningModule(TEAM_LEARNING_COMMUNITY,
                    "Teamet som professionelt læringsfællesskab",
                    "The team as a professional learning community", Audience.TEAM),
            new ELearningModule(LEADER_MAPPING_RESULTS,
                    "Tolkning og brug af kortlægningens resultater",
                    "Interpreting and using the results of the mapping survey", Audience.LEADER),
            new ELearningModule(RESOURCE_PERSON_GUIDING_LEARNING_COMMUNITIES,
                    "Vejledning af teams som professionelle læringsfællesskaber",
                    "Guiding teams as professional learning communities", Audience.RESOURCE_PERSON),
            new ELearningModule(RESOURCE_PERSON_GUIDING_GOAL_DRIVEN_WORK,
                    "Vejledning af teams i læringsmålstyret arbejde med de pædagogiske læreplaner",
                    "Guiding teams in learning-goal-driven work with the pedagogical curricula",
                    Audience.RESOURCE_PERSON));

    private Modules() {
    }

    /** Every known module, in the program's order. */
    public static List<ELearningModule> all() {
        return List.copyOf(ALL.values());
    }

    /** The modules for one audience, in the program's order. */
    public static List<ELearningModule> forAudience(Audience audience) {
        return ALL.values().stream().filter(module -> module.audience() == audience).toList();
    }

    public static Optional<ELearningModule> find(ModuleId id) {
        return Optional.ofNullable(id == null ? null : ALL.get(id));
    }

    private static Map<ModuleId, ELearningModule> index(ELearningModule... modules) {
        Map<ModuleId, ELearningModule> map = new LinkedHashMap<>();
        for (ELearningModule module : modules) {
            map.put(module.id(), module);
        }
        return map;
    }
}
