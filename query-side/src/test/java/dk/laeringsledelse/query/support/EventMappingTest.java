package dk.laeringsledelse.query.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventMappingTest {

    sealed interface Happened {
    }

    record Opened(String name) implements Happened {
    }

    record Closed(String reason) implements Happened {
    }

    @Test
    void eachEventIsMadeByTheFunctionOfItsType() {
        EventMapping<Happened, String, String> summaries = EventMapping.<Happened, String, String>of(Happened.class)
                .on(Opened.class, (e, by) -> e.name() + " opened by " + by)
                .on(Closed.class, (e, by) -> null)
                .build();

        assertThat(summaries.apply(new Opened("Bierne"), "pia")).isEqualTo("Bierne opened by pia");
        assertThat(summaries.apply(new Closed("done"), "pia")).isNull();
    }

    @Test
    void anEventTypeWithoutAFunction_failsTheBuildNamingIt() {
        EventMapping.Builder<Happened, String, String> summaries = EventMapping.<Happened, String, String>of(
                Happened.class).on(Opened.class, (e, by) -> e.name());

        assertThatThrownBy(summaries::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("Closed");
    }
}
