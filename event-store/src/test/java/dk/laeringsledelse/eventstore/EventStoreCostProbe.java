package dk.laeringsledelse.eventstore;

import com.mongodb.client.MongoDatabase;
import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.mongodb.client.model.Filters.gte;
import static dk.laeringsledelse.eventstore.Fixtures.event;

/**
 * Prints the average cost of append, aggregate load and tracking fetch in a store of 1,000 and of 200,000 events
 * (against MONGODB_URI if set, else the in-process server). Not a test: run it by hand, e.g.
 * {@code java -cp <test classpath> dk.laeringsledelse.eventstore.EventStoreCostProbe}.
 */
public final class EventStoreCostProbe {

    private static final int ROUNDS = 300;

    private EventStoreCostProbe() {
    }

    public static void main(String[] args) {
        probe(1_000); // warm-up of JIT and server
        for (int size : new int[]{1_000, 200_000}) {
            probe(size);
        }
        System.exit(0);
    }

    private static void probe(int size) {
        MongoDatabase db = TestMongo.freshDatabase();
        MongoEventStorageEngine engine = Fixtures.engine(db);
        long fillStart = System.nanoTime();
        for (int call = 0; call * 100 < size; call++) { // 100 new aggregates per call
            List<EventMessage<?>> events = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                events.add(event("filler-" + call + "-" + i, 0));
            }
            engine.appendEvents(events);
        }
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

        long start = System.nanoTime();
        for (int seq = 0; seq < ROUNDS; seq++) {
            engine.appendEvents(event("probe", seq)); // after the first: previous-hash lookup, reserve, insert
        }
        double append = micros(start, ROUNDS);

        start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            engine.readEvents("filler-0-" + (i % 100)).asStream().count();
        }
        double load = micros(start, ROUNDS);

        GapAwareTrackingToken middle = GapAwareTrackingToken.newInstance(engine.headPosition() / 2,
                                                                         Collections.emptySet());
        start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            engine.readEvents(middle, false).limit(100).count(); // one batch of 100
        }
        double fetch = micros(start, ROUNDS);

        start = System.nanoTime();
        db.getCollection(MongoEventStorageEngine.EVENTS).find(gte("first", engine.headPosition())).first();
        double scan = micros(start, 1);

        System.out.printf("%,9d events (filled in %.1f s): append %,8.0f µs  load(1 event) %,8.0f µs  "
                                  + "fetch(100 events) %,8.0f µs  | one range query (scans) %,10.0f µs%n",
                          engine.headPosition(), fillSeconds, append, load, fetch, scan);
        db.drop();
    }

    private static double micros(long start, int rounds) {
        return (System.nanoTime() - start) / 1e3 / rounds;
    }
}
