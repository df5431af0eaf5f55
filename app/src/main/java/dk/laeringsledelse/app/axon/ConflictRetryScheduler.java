package dk.laeringsledelse.app.axon;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command only when it lost a race on its aggregate (a {@link ConcurrencyException}), a bounded number
 * of times with jittered exponential back-off. Axon's own schedulers retry anything not marked non-transient,
 * including broken business rules, and without jitter, so racing writers would collide again in step.
 */
public class ConflictRetryScheduler implements RetryScheduler {

    private final int maxRetries;
    private final long baseDelayMillis;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "command-retry");
        thread.setDaemon(true);
        return thread;
    });

    public ConflictRetryScheduler(int maxRetries, long baseDelayMillis) {
        this.maxRetries = maxRetries;
        this.baseDelayMillis = baseDelayMillis;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        int attempt = failures.size();
        if (!isConflict(lastFailure) || attempt > maxRetries) {
            return false;
        }
        long ceiling = baseDelayMillis << Math.min(attempt - 1, 6);
        long delay = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        executor.schedule(dispatchTask, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
