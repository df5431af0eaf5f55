package dk.laeringsledelse.query.replay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.bson.Document;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds projections from the events: stops a streaming processor, resets its tokens (its reset handler empties
 * its read model) and starts it again; and tells when processors have caught up with the event store's head.
 *
 * <p>A reset is two steps that no store makes one: Axon empties the read model (the reset handlers), then stores the
 * tokens at the start. Stopped between them, the application would come back with empty read models and tokens at
 * the head, and never fill them again. So a processor's reset is noted in {@value #UNFINISHED_RESETS} before it
 * begins and the note removed once its tokens are stored; a note found at start-up is a reset that did not finish,
 * and it is done again.
 *
 * <p>A reset needs every segment of the processor to be free: run it where no other instance holds a claim.
 */
@Component
public class ProjectionReplay {

    /** Notes of processors whose reset has begun and not finished ({@code _id} = processor name). */
    public static final String UNFINISHED_RESETS = "projection_resets";

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MongoCollection<Document> unfinished;

    public ProjectionReplay(EventProcessingConfiguration processing, EventStore eventStore, MongoDatabase views) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.unfinished = views.getCollection(UNFINISHED_RESETS);
    }

    /** Resets that a stop interrupted are done again once the processors run. */
    @EventListener(ContextRefreshedEvent.class)
    public void finishInterruptedResets() {
        for (Document note : unfinished.find()) {
            String name = note.getString("_id");
            if (streamingProcessors().containsKey(name)) {
                log.warn("The reset of processor {} begun at {} did not finish (the application stopped during it): "
                        + "resetting it again", name, note.getDate("begun"));
                try {
                    replay(name);
                } catch (RuntimeException e) {
                    // e.g. another instance holds a claim: this one still starts; the note stays for a later start
                    log.error("Could not reset processor {} again here; its read models may be incomplete until it "
                            + "is rebuilt on one instance (mutation rebuildProjections)", name, e);
                    streamingProcessors().get(name).start();
                }
            } else {
                unfinished.deleteOne(Filters.eq("_id", name));
            }
        }
    }

    /**
     * Rebuilds every projection; returns once they run again, see {@link #awaitCaughtUp}. All processors are stopped
     * together first: one at a time, each stop waited for its workers' poll to end.
     */
    public void replayAll() {
        Map<String, StreamingEventProcessor> processors = streamingProcessors();
        log.info("Replaying processors {} from the first event", processors.keySet());
        CompletableFuture.allOf(processors.values().stream().map(StreamingEventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new)).join();
        processors.forEach(this::reset);
        processors.values().forEach(StreamingEventProcessor::start);
    }

    /** Rebuilds the projection(s) of one processor (named after its processing group). */
    public void replay(String processorName) {
        StreamingEventProcessor processor = streamingProcessors().get(processorName);
        if (processor == null) {
            throw new IllegalArgumentException("no streaming event processor named " + processorName);
        }
        log.info("Replaying processor {} from the first event", processorName);
        processor.shutDown();
        reset(processorName, processor);
        processor.start();
    }

    /** Resets a stopped processor's tokens (and so its read model), noted until the tokens are stored. */
    private void reset(String name, StreamingEventProcessor processor) {
        unfinished.replaceOne(Filters.eq("_id", name), new Document("_id", name).append("begun", new Date()),
                new ReplaceOptions().upsert(true));
        processor.resetTokens();
        unfinished.deleteOne(Filters.eq("_id", name));
    }

    /**
     * Waits until every streaming processor has processed all events stored when this is called.
     *
     * @return whether they caught up within {@code timeout}
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long head = position(eventStore.createHeadToken());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (streamingProcessors().values().stream().allMatch(p -> caughtUp(p, head))) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** The event store's head: the global position of the last stored event. */
    public long head() {
        return position(eventStore.createHeadToken());
    }

    /** The position the slowest segment of any processor has reached (-1 before any has started). */
    public long slowestPosition() {
        return streamingProcessors().values().stream()
                .flatMap(p -> p.processingStatus().values().stream())
                .mapToLong(s -> s.getCurrentPosition().orElse(-1))
                .min().orElse(-1);
    }

    /** Where each processor's segments are, e.g. for a message when waiting failed. */
    public String progress() {
        StringBuilder text = new StringBuilder("head " + position(eventStore.createHeadToken()));
        streamingProcessors().forEach((name, processor) -> processor.processingStatus().forEach((segment, s) ->
                text.append("; ").append(name).append('/').append(segment).append(" at ")
                        .append(s.getCurrentPosition().orElse(-1)).append(s.isCaughtUp() ? " caught up" : "")
                        .append(s.isReplaying() ? " replaying" : "").append(s.isErrorState() ? " error" : "")));
        return text.toString();
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        // every segment must be claimed and tracked: their shares of the event stream add up to one
        double covered = status.values().stream().mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1)).sum();
        // not isReplaying(): Axon keeps a replay token until an event beyond the reset point arrives
        return covered > 0.999 && status.values().stream().allMatch(s -> !s.isErrorState()
                && s.isCaughtUp() && s.getCurrentPosition().orElse(-1) >= head);
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.orElse(-1);
    }

    private Map<String, StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> (StreamingEventProcessor) e.getValue()));
    }
}
