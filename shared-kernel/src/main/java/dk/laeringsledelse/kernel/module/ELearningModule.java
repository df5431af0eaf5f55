package dk.laeringsledelse.kernel.module;

/**
 * An e-learning module of the program's competence courses (reference data, see {@link Modules}).
 *
 * @param titleDa the Danish title, as the program names it
 * @param titleEn an English title for developers and English dashboards
 */
public record ELearningModule(ModuleId id, String titleDa, String titleEn, Audience audience) {
}
