package dk.laeringsledelse.query.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventHandlersTest {

    sealed interface Happened {
    }

    record Opened(String name) implements Happened {
    }

    record Closed(String reason) implements Happened {
    }

    interface NotSealed {
    }

    @Test
    void eachEventGoesToTheHandlerOfItsType() {
        EventHandlers<List<String>, Happened, String> handlers = EventHandlers.<List<String>, Happened, String>of(
                        Happened.class)
                .on(Opened.class, (log, e, by) -> log.add("opened " + e.name() + " by " + by))
                .on(Closed.class, (log, e, by) -> log.add("closed: " + e.reason()))
                .build();

        List<String> log = new ArrayList<>();
        handlers.apply(log, new Opened("Bierne"), "pia");
        handlers.apply(log, new Closed("done"), "pia");

        assertThat(log).containsExactly("opened Bierne by pia", "closed: done");
    }

    @Test
    void anEventTypeWithoutAHandler_failsTheBuildNamingIt() {
        EventHandlers.Builder<List<String>, Happened, String> handlers = EventHandlers
                .<List<String>, Happened, String>of(Happened.class)
                .on(Opened.class, (log, e, by) -> log.add(e.name()));

        assertThatThrownBy(handlers::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Closed");
    }

    @Test
    void anEventInterfaceThatIsNotSealed_isRefused() {
        assertThatThrownBy(() -> EventHandlers.of(NotSealed.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sealed");
    }
}
