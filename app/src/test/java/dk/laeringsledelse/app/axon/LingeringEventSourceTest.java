package dk.laeringsledelse.app.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A batch goes on taking the events that arrive within the linger after its first one, and no longer. */
class LingeringEventSourceTest {

    private static final Duration LINGER = Duration.ofMillis(300);

    private final BlockingQueue<TrackedEventMessage<?>> arriving = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private final BlockingStream<TrackedEventMessage<?>> stream =
            new LingeringEventSource(new QueueSource(), LINGER).openStream(null);

    @AfterEach
    void stop() {
        later.shutdownNow();
    }

    @Test
    void anEventArrivingWithinTheLingerJoinsTheBatch() throws Exception {
        arriving.add(event(1));
        assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isTrue();
        stream.nextAvailable();
        later.schedule(() -> arriving.add(event(2)), 50, TimeUnit.MILLISECONDS);

        Optional<TrackedEventMessage<?>> next = stream.peek();

        assertThat(next.map(e -> (Object) e.getPayload())).contains(2L);
    }

    @Test
    void theBatchEndsWhenTheLingerHasPassed_notBefore() throws Exception {
        arriving.add(event(1));
        stream.hasNextAvailable(200, TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        stream.nextAvailable();

        Optional<TrackedEventMessage<?>> next = stream.peek();

        assertThat(next).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(LINGER.minusMillis(20));
        // the deadline is the batch's: a second look does not wait again
        long again = System.nanoTime();
        assertThat(stream.peek()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(LINGER.dividedBy(2));
    }

    @Test
    void anInterruptWhileLingering_endsTheBatch_andStopsTheProcessorsNextWait() throws Exception {
        arriving.add(event(1));
        stream.hasNextAvailable(200, TimeUnit.MILLISECONDS);
        stream.nextAvailable();

        Thread.currentThread().interrupt();
        Optional<TrackedEventMessage<?>> next = stream.peek();

        assertThat(next).isEmpty();
        assertThat(Thread.interrupted()).as("the batch is handled on a thread that is not interrupted").isFalse();
        assertThatThrownBy(() -> stream.hasNextAvailable(200, TimeUnit.MILLISECONDS))
                .isInstanceOf(InterruptedException.class);
    }

    @Test
    void withoutABatchBegunALookDoesNotWait() {
        long started = System.nanoTime();

        assertThat(stream.peek()).isEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LINGER.dividedBy(2));
    }

    private static TrackedEventMessage<?> event(long position) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                GenericEventMessage.asEventMessage(position));
    }

    /** Events become available when added to {@link #arriving}. */
    private final class QueueSource implements StreamableMessageSource<TrackedEventMessage<?>> {
        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
            return new BlockingStream<>() {
                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    return Optional.ofNullable(arriving.peek());
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                    long deadline = System.nanoTime() + unit.toNanos(timeout);
                    while (arriving.isEmpty() && System.nanoTime() < deadline) {
                        Thread.sleep(1);
                    }
                    return !arriving.isEmpty();
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                    return arriving.take();
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
