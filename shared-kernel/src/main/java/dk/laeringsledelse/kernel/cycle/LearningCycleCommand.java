package dk.laeringsledelse.kernel.cycle;

/** Every command to a learning cycle names the cycle it targets. */
public interface LearningCycleCommand {

    CycleId cycleId();
}
