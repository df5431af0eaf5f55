package dk.laeringsledelse.kernel.cycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a team reflection; returns the reflection id.
 *
 * @param practiceLearnings  what the team learned about its practice
 * @param plannedAdjustments what the team will adjust
 */
public record RecordReflection(
        @TargetAggregateIdentifier CycleId cycleId,
        ReflectionId reflectionId,
        String practiceLearnings,
        String plannedAdjustments) implements LearningCycleCommand {

    @Override
    public Object resultId() {
        return reflectionId;
    }
}
