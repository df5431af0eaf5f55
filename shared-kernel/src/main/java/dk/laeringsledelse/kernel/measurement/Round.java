package dk.laeringsledelse.kernel.measurement;

/**
 * A round of the mapping survey / profile analysis (kortlægning, profilanalyse). The program's product criterion is a
 * clear, measurable improvement of the children's learning and well-being from T1 to T2 and again from T2 to T3
 * (seed 003), so the rounds are ordered: a later round is measured after an earlier one.
 */
public enum Round {
    T1,
    T2,
    T3;

    /** Whether this round comes before {@code other}. */
    public boolean isBefore(Round other) {
        return compareTo(other) < 0;
    }
}
