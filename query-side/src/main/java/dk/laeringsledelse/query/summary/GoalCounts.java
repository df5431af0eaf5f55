package dk.laeringsledelse.query.summary;

/**
 * Goals set and how many are currently assessed ACHIEVED, PARTLY or NOT_YET (each goal's latest assessment).
 *
 * @param assessed goals with at least one assessment
 */
public record GoalCounts(int set, int assessed, int achieved, int partly, int notYet) {

    public static final GoalCounts NONE = new GoalCounts(0, 0, 0, 0, 0);

    public GoalCounts plus(GoalCounts other) {
        return new GoalCounts(set + other.set, assessed + other.assessed, achieved + other.achieved,
                partly + other.partly, notYet + other.notYet);
    }

    /** Share of assessed goals that are achieved (0..1); null while none is assessed. */
    public Double achievedRate() {
        return assessed == 0 ? null : (double) achieved / assessed;
    }

    /** Share of assessed goals that are at least partly achieved (0..1); null while none is assessed. */
    public Double atLeastPartlyRate() {
        return assessed == 0 ? null : (double) (achieved + partly) / assessed;
    }
}
