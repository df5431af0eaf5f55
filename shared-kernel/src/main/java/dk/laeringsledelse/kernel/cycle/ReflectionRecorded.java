package dk.laeringsledelse.kernel.cycle;

import org.axonframework.serialization.Revision;

/**
 * The team recorded a reflection on its practice.
 */
@Revision("1")
public record ReflectionRecorded(
        CycleId cycleId,
        TeamId teamId,
        ReflectionId reflectionId,
        String practiceLearnings,
        String plannedAdjustments) implements LearningCycleEvent {
}
