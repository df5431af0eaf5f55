package dk.laeringsledelse.query.support;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One handler per event type for pure view code, found by the event's class: Java 17 has no {@code switch} over the
 * types of a sealed interface, and an {@code instanceof} chain hides each event's handling in one long method.
 *
 * <p>Built for a sealed event interface and complete: building fails when one of its event types is neither handled
 * nor ignored, so a new event type cannot be forgotten silently (the view's class then fails to load in every test that touches it).
 *
 * @param <V> what the handlers change (a view)
 * @param <E> the sealed event interface
 * @param <C> what every handler needs besides the view and the event, e.g. when it happened and who acted
 */
public final class EventHandlers<V, E, C> {

    @FunctionalInterface
    public interface Handler<V, E, C> {
        void apply(V view, E event, C context);
    }

    private final Map<Class<?>, Handler<V, E, C>> handlers;

    private EventHandlers(Map<Class<?>, Handler<V, E, C>> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    public static <V, E, C> Builder<V, E, C> of(Class<E> events) {
        if (!events.isSealed()) {
            throw new IllegalArgumentException(events.getName() + " must be sealed, so that its handlers can be "
                    + "checked for completeness");
        }
        return new Builder<>(events);
    }

    /** Applies the event by the handler of its type. */
    public void apply(V view, E event, C context) {
        handlers.get(event.getClass()).apply(view, event, context);
    }

    public static final class Builder<V, E, C> {

        private final Class<E> events;
        private final Map<Class<?>, Handler<V, E, C>> handlers = new HashMap<>();

        private Builder(Class<E> events) {
            this.events = events;
        }

        public <T extends E> Builder<V, E, C> on(Class<T> type, Handler<V, T, C> handler) {
            handlers.put(type, (view, event, context) -> handler.apply(view, type.cast(event), context));
            return this;
        }

        /** Event types that change nothing here. */
        @SafeVarargs
        public final Builder<V, E, C> ignore(Class<? extends E>... types) {
            for (Class<? extends E> type : types) {
                handlers.put(type, (view, event, context) -> { });
            }
            return this;
        }

        public EventHandlers<V, E, C> build() {
            List<String> missing = Arrays.stream(events.getPermittedSubclasses())
                    .filter(type -> !handlers.containsKey(type)).map(Class::getSimpleName).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("No handler for " + missing + " of " + events.getSimpleName()
                        + ": handle or ignore each");
            }
            return new EventHandlers<>(handlers);
        }
    }
}
