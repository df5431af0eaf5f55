package dk.laeringsledelse.app.integrity;

import dk.laeringsledelse.eventstore.integrity.ChainSealer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link ChainSealer#sealAvailable()} with a fixed delay on its own thread, from start-up (last) to shutdown
 * (first, before the store closes). Its own executor rather than {@code @EnableScheduling}, which would change how
 * the whole application schedules.
 */
class SealingSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SealingSchedule.class);

    private final ChainSealer sealer;
    private final Duration interval;
    private ScheduledExecutorService executor;

    /** @param interval positive, as {@link IntegrityProperties} checks at start-up */
    SealingSchedule(ChainSealer sealer, Duration interval) {
        this.sealer = sealer;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chain-sealer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::seal, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void seal() {
        try {
            sealer.sealAvailable();
        } catch (IllegalStateException e) { // a missing seal: loud on every run until someone looks
            log.error("Not sealing: {}", e.getMessage());
        } catch (RuntimeException e) { // e.g. the store briefly unavailable: the next run catches up
            log.warn("Sealing failed, retrying in {}", interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
