package dk.laeringsledelse.kernel.cycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Abandon the cycle; nothing more can be added to it.
 */
public record AbandonLearningCycle(
        @TargetAggregateIdentifier CycleId cycleId,
        String reason) implements LearningCycleCommand {
}
