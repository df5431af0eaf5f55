package dk.laeringsledelse.embeddedstore;

import java.util.HashMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;

/**
 * H2's single-file store, with the housekeeping its background thread would do (rewriting sparsely used chunks,
 * shrinking the file) callable by the backend, which runs it when no write is half done. Without it every commit
 * left most of a chunk dead and the file grew by about 30 KB per event.
 */
final class HousekeptFileStore extends SingleFileStore {

    HousekeptFileStore() {
        super(new HashMap<>());
    }

    void housekeep(MVStore store) {
        try {
            doHousekeeping(store);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
