package dk.laeringsledelse.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class RecentAggregatesTest {

    private final RecentAggregates cache = new RecentAggregates(2);

    @Test
    void keepsTheMostRecentlyUsedUpToItsCapacity() {
        cache.put("a", "cycle a");
        cache.put("b", "cycle b");
        assertThat((String) cache.get("a")).isEqualTo("cycle a"); // a is now more recent than b

        cache.put("c", "cycle c");

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).as("least recently used, evicted").isFalse();
        assertThat(cache.containsKey("c")).isTrue();
    }

    @Test
    void removesAndTellsListeners() {
        List<String> heard = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }
        });

        cache.put("a", "cycle a");
        assertThat(cache.putIfAbsent("a", "other")).isFalse();
        cache.put("b", "cycle b");
        cache.put("c", "cycle c");
        assertThat(cache.remove("b")).isTrue();
        cache.put("d", null); // Axon's way of saying "forget it"

        assertThat(heard).containsExactly("created a", "created b", "expired a", "created c", "removed b");
        assertThat((Object) cache.get("a")).isNull();
    }
}
