package dk.laeringsledelse.kernel.module;

import dk.laeringsledelse.kernel.cycle.TeamId;

/**
 * Every event of a team's module answer carries the answer id (the aggregate id), the team id (the sequencing key:
 * one team's events in order, like the learning cycle's) and the module id, so that projections need no state.
 * Who acted and the idempotency key are in the event's metadata ({@link dk.laeringsledelse.kernel.MetaDataKeys});
 * when, the event's timestamp.
 *
 * <p>Sealed: views list every event of a module answer, and are checked to handle (or ignore) each.
 */
public sealed interface ModuleAnswerEvent permits ModuleAnswerSubmitted, ModuleFeedbackGiven, ModuleAnswerApproved {

    ModuleAnswerId answerId();

    TeamId teamId();

    ModuleId moduleId();
}
