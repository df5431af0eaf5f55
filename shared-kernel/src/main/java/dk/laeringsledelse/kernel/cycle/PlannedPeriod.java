package dk.laeringsledelse.kernel.cycle;

import java.time.LocalDate;

/** The period a cycle is planned to run, both days inclusive; {@code end} is never before {@code start}. */
public record PlannedPeriod(LocalDate start, LocalDate end) {
}
