package dk.laeringsledelse.query.progress;

import java.time.Duration;
import java.util.List;

/** The median of response times, in hours (two decimals). */
public final class Median {

    private Median() {
    }

    /** Null for no durations. */
    public static Double hours(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        List<Long> seconds = durations.stream().map(Duration::getSeconds).sorted().toList();
        int middle = seconds.size() / 2;
        double median = seconds.size() % 2 == 1 ? seconds.get(middle)
                : (seconds.get(middle - 1) + seconds.get(middle)) / 2.0;
        return Math.round(median / 36.0) / 100.0;
    }
}
