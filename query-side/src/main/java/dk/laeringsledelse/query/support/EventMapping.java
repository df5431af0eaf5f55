package dk.laeringsledelse.query.support;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One function per event type that turns the event into a value (e.g. a timeline entry's step), found by the event's
 * class: the counterpart of {@link EventHandlers} for view code that derives rather than changes. Built for a sealed
 * event interface and complete: building fails when one of its event types has no function, so a new event type
 * cannot be forgotten silently.
 *
 * @param <E> the sealed event interface
 * @param <C> what every function needs besides the event
 * @param <R> what the functions make; null where an event makes nothing
 */
public final class EventMapping<E, C, R> {

    @FunctionalInterface
    public interface Function<E, C, R> {
        R apply(E event, C context);
    }

    private final Map<Class<?>, Function<E, C, R>> functions;

    private EventMapping(Map<Class<?>, Function<E, C, R>> functions) {
        this.functions = Map.copyOf(functions);
    }

    public static <E, C, R> Builder<E, C, R> of(Class<E> events) {
        if (!events.isSealed()) {
            throw new IllegalArgumentException(events.getName() + " must be sealed, so that its functions can be "
                    + "checked for completeness");
        }
        return new Builder<>(events);
    }

    /** What the function of the event's type makes of it. */
    public R apply(E event, C context) {
        return functions.get(event.getClass()).apply(event, context);
    }

    public static final class Builder<E, C, R> {

        private final Class<E> events;
        private final Map<Class<?>, Function<E, C, R>> functions = new HashMap<>();

        private Builder(Class<E> events) {
            this.events = events;
        }

        public <T extends E> Builder<E, C, R> on(Class<T> type, Function<T, C, R> function) {
            functions.put(type, (event, context) -> function.apply(type.cast(event), context));
            return this;
        }

        public EventMapping<E, C, R> build() {
            List<String> missing = Arrays.stream(events.getPermittedSubclasses())
                    .filter(type -> !functions.containsKey(type)).map(Class::getSimpleName).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("No function for " + missing + " of " + events.getSimpleName());
            }
            return new EventMapping<>(functions);
        }
    }
}
