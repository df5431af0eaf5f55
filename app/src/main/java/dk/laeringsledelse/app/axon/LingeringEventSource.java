package dk.laeringsledelse.app.axon;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * An event source for a processor that may lag a moment behind: once a batch has its first event, the batch keeps
 * taking events that arrive within {@code linger} of it, where a tracking processor would end it at the first moment
 * none is there. Under live traffic that turns batches of one event into batches of many, and a projection whose
 * documents many events share (the audit history's municipality, person and type buckets) writes each once per batch
 * instead of once per event. A replay is not slowed: its events are always there.
 *
 * <p>It relies on how Axon's tracking processor fills a batch: it waits for the first event with
 * {@code hasNextAvailable(timeout)}, then takes more while {@code peek()} shows one.
 */
final class LingeringEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final long lingerNanos;

    LingeringEventSource(StreamableMessageSource<TrackedEventMessage<?>> source, Duration linger) {
        this.source = source;
        this.lingerNanos = linger.toNanos();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new LingeringStream(source.openStream(token), lingerNanos);
    }

    @Override
    public TrackingToken createTailToken() {
        return source.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return source.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(java.time.Instant dateTime) {
        return source.createTokenAt(dateTime);
    }

    private static final class LingeringStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final long lingerNanos;
        /** Until when the batch being filled waits for more events; 0 while none is being filled. */
        private long batchDeadline;
        /** Interrupted while lingering: the batch ends there, and the processor's next wait is interrupted. */
        private boolean interrupted;

        LingeringStream(BlockingStream<TrackedEventMessage<?>> stream, long lingerNanos) {
            this.stream = stream;
            this.lingerNanos = lingerNanos;
        }

        /** The processor waits for a batch's first event: a new batch begins. */
        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            batchDeadline = 0;
            throwIfInterrupted();
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            throwIfInterrupted();
            TrackedEventMessage<?> next = stream.nextAvailable();
            if (batchDeadline == 0) {
                batchDeadline = System.nanoTime() + lingerNanos;
            }
            return next;
        }

        /** Whether the batch goes on: the next event, waited for until the batch's deadline. */
        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            Optional<TrackedEventMessage<?>> next = stream.peek();
            long left = batchDeadline - System.nanoTime();
            if (next.isPresent() || batchDeadline == 0 || left <= 0) {
                return next;
            }
            try {
                // whole milliseconds, rounded up: a wait of 0 would not wait at all
                if (stream.hasNextAvailable((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)),
                        TimeUnit.MILLISECONDS)) {
                    return stream.peek();
                }
            } catch (InterruptedException e) {
                // the processor is stopping: the batch taken so far is handled (on a thread that is not interrupted,
                // so its writes go through) and the processor's next wait stops it, as an interrupt there would
                interrupted = true;
            }
            return Optional.empty();
        }

        private void throwIfInterrupted() throws InterruptedException {
            if (interrupted) {
                interrupted = false;
                throw new InterruptedException("interrupted while waiting for more events of a batch");
            }
        }

        @Override
        public boolean hasNextAvailable() {
            return stream.hasNextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
