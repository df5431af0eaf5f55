package dk.laeringsledelse.kernel.cycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Complete the cycle: needs at least one goal, every goal assessed at least once.
 */
public record CompleteLearningCycle(
        @TargetAggregateIdentifier CycleId cycleId,
        String summary,
        String nextSteps) implements LearningCycleCommand {
}
