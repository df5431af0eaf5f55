package dk.laeringsledelse.app.integrity;

import dk.laeringsledelse.eventstore.integrity.IntegrityBreak;
import dk.laeringsledelse.eventstore.integrity.IntegrityReport;
import dk.laeringsledelse.eventstore.integrity.IntegrityVerifier;
import dk.laeringsledelse.eventstore.integrity.VerificationProgress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Bulk verifications running in the background, one at a time, with their progress; kept in this instance's memory
 * (a verification is asked of and followed on one instance).
 */
@Component
public class IntegrityRuns implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IntegrityRuns.class);

    /** What a client sees of a run: a snapshot, replaced as the run progresses. */
    public record Run(String id, String state, String phase, long processed, long total, long breaksFound,
                      Boolean ok, List<IntegrityBreak> breaks, Instant startedAt, Instant finishedAt) {
    }

    private final IntegrityVerifier verifier;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "integrity-verification");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    public IntegrityRuns(IntegrityVerifier verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    public Run start() {
        String id = UUID.randomUUID().toString();
        Instant started = clock.instant();
        Run run = new Run(id, "RUNNING", null, 0, 0, 0, null, List.of(), started, null);
        runs.put(id, run);
        worker.submit(() -> {
            try {
                IntegrityReport report = verifier.verifyAll(progress -> runs.put(id, progressed(run, progress)));
                Run last = runs.get(id);
                runs.put(id, new Run(id, "DONE", last.phase(), last.processed(), last.total(), report.breaksFound(),
                        report.ok(), report.breaks(), started, clock.instant()));
                log.info("Integrity verification {}: {} aggregates, {} events, {} seals, {} breaks", id,
                        report.aggregates(), report.events(), report.seals(), report.breaksFound());
            } catch (RuntimeException e) {
                log.error("Integrity verification {} failed", id, e);
                Run last = runs.get(id);
                runs.put(id, new Run(id, "FAILED", last.phase(), last.processed(), last.total(), last.breaksFound(),
                        null, List.of(), started, clock.instant()));
            }
        });
        return run;
    }

    public Optional<Run> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    private static Run progressed(Run run, VerificationProgress progress) {
        return new Run(run.id(), "RUNNING", progress.phase().name(), progress.processed(), progress.total(),
                progress.breaksFound(), null, List.of(), run.startedAt(), null);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
