package dk.laeringsledelse.kernel.cycle;

import dk.laeringsledelse.kernel.IdempotentCommand;

/** Every command to a learning cycle names the cycle it targets, and may carry an idempotency key. */
public interface LearningCycleCommand extends IdempotentCommand {

    CycleId cycleId();
}
