package dk.laeringsledelse.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.testsupport.CommandRecorder;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.bson.BsonDocument;
import org.bson.Document;

/**
 * Runs projection code as a tracking processor runs a batch: one {@link BatchingUnitOfWork}, each step as the
 * handling of one of its events, with {@link BatchedWrites#flushAtEndOfBatch()} as handler interceptor.
 */
public final class ProcessorBatch {

    private ProcessorBatch() {
    }

    /** Runs the steps (one per event) in one batch; fails as the batch does. */
    public static void run(List<Runnable> steps) {
        run(steps, null);
    }

    /** Runs the steps in one batch of a processor that keeps its recent writes in {@code recent}. */
    public static void run(List<Runnable> steps, BatchedWrites.RecentWrites recent) {
        List<EventMessage<?>> messages = IntStream.range(0, steps.size())
                .<EventMessage<?>>mapToObj(GenericEventMessage::asEventMessage).toList();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        ResultMessage<?> result = batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch,
                List.of(BatchedWrites.flushAtEndOfBatch(recent)), message -> {
                    steps.get((Integer) message.getPayload()).run();
                    return null;
                }).proceed(), RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new AssertionError("the batch failed", result.exceptionResult());
        }
    }

    /**
     * Handles the events one by one outside a batch (in one new database) and as one batch (in another); asserts
     * that both leave the same documents in these collections, and returns how many documents the batch wrote per
     * collection.
     */
    public static <E> Map<String, Integer> sameAsEventByEvent(List<E> events,
                                                              Function<MongoDatabase, Consumer<E>> projectionOn,
                                                              String... collections) {
        MongoDatabase eventByEvent = TestMongo.freshDatabase();
        events.forEach(projectionOn.apply(eventByEvent));

        CommandRecorder recorder = new CommandRecorder();
        MongoDatabase batched = TestMongo.freshDatabase(recorder);
        Consumer<E> projection = projectionOn.apply(batched);
        recorder.start();
        run(events.stream().<Runnable>map(event -> () -> projection.accept(event)).toList());
        recorder.stop();

        assertThat(documents(batched, collections)).isEqualTo(documents(eventByEvent, collections)).isNotEmpty();
        return writes(recorder.commands());
    }

    private static List<Document> documents(MongoDatabase database, String... collections) {
        List<Document> all = new ArrayList<>();
        for (String collection : collections) {
            database.getCollection(collection).find().into(all);
        }
        return all;
    }

    /** How many documents the recorded commands wrote (update and replace statements), per collection. */
    public static Map<String, Integer> writes(List<BsonDocument> commands) {
        Map<String, Integer> writes = new TreeMap<>();
        commands.stream().filter(c -> c.getFirstKey().equals("update")).forEach(c ->
                writes.merge(c.getString("update").getValue(), c.getArray("updates").size(), Integer::sum));
        return writes;
    }
}
