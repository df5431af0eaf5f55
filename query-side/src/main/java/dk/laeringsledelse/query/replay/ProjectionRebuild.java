package dk.laeringsledelse.query.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every projection from the event store, in the background, one rebuild at a time, and tells how far it
 * is: events processed of the head at the start (by the slowest processor segment), rate, estimated time left, and
 * the projection digest before and after. While it runs, dashboards keep answering from the read models being
 * rebuilt, and every GraphQL response says so (see {@link RebuildingNotice}): we chose a clear status over a second
 * set of collections, because a rebuild is rare and short and the read models stay small.
 */
@Component
public class ProjectionRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    /** What a client sees of the (last) rebuild. */
    public record Status(String state, long processed, long total, double eventsPerSecond, Long etaSeconds,
                         Instant startedAt, Instant finishedAt, String digestBefore, String digestAfter,
                         Boolean digestsEqual) {

        public boolean running() {
            return "RUNNING".equals(state);
        }
    }

    private final ProjectionReplay replay;
    private final ProjectionDigest digest;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Status> status = new AtomicReference<>(
            new Status("IDLE", 0, 0, 0, null, null, null, null, null, null));
    private volatile long startHead;
    private volatile Instant startedAt;
    private volatile String digestBefore;

    public ProjectionRebuild(ProjectionReplay replay, ProjectionDigest digest, Clock clock) {
        this.replay = replay;
        this.digest = digest;
        this.clock = clock;
    }

    /** Starts a rebuild unless one is running; answers the status either way. */
    public synchronized Status start() {
        if (status.get().running()) {
            return status();
        }
        startedAt = clock.instant();
        startHead = replay.head();
        status.set(new Status("RUNNING", 0, startHead + 1, 0, null, startedAt, null, null, null, null));
        worker.submit(this::rebuild);
        return status();
    }

    /** The current status; while running, computed from where the processors are now. */
    public Status status() {
        Status current = status.get();
        if (!current.running()) {
            return current;
        }
        long processed = Math.max(0, Math.min(replay.slowestPosition() + 1, startHead + 1));
        double seconds = Math.max(0.001, Duration.between(startedAt, clock.instant()).toMillis() / 1000.0);
        double rate = processed / seconds;
        long left = startHead + 1 - processed;
        Long eta = rate > 0 ? Math.round(left / rate) : null;
        return new Status("RUNNING", processed, startHead + 1, rate, eta, startedAt, null, digestBefore, null,
                null);
    }

    private void rebuild() {
        try {
            replay.awaitCaughtUp(Duration.ofMinutes(10));
            digestBefore = digest.digest();
            log.info("Rebuilding all projections from {} events (digest before {})", startHead + 1, digestBefore);
            replay.replayAll();
            while (!replay.awaitCaughtUp(Duration.ofSeconds(5))) {
                Status now = status();
                log.info("Rebuilding projections: {} of {} events, {} events/s, about {} s left", now.processed(),
                        now.total(), Math.round(now.eventsPerSecond()), now.etaSeconds());
            }
            String after = digest.digest();
            Instant finished = clock.instant();
            double seconds = Math.max(0.001, Duration.between(startedAt, finished).toMillis() / 1000.0);
            status.set(new Status("DONE", startHead + 1, startHead + 1, (startHead + 1) / seconds, 0L, startedAt,
                    finished, digestBefore, after, after.equals(digestBefore)));
            log.info("Projections rebuilt in {} s; digest after {} ({} the digest before)", Math.round(seconds),
                    after, after.equals(digestBefore) ? "equals" : "DIFFERS FROM");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Rebuilding the projections failed", e);
            Status last = status();
            status.set(new Status("FAILED", last.processed(), last.total(), last.eventsPerSecond(), null, startedAt,
                    clock.instant(), digestBefore, null, null));
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
