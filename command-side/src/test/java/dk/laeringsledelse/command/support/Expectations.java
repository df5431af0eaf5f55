package dk.laeringsledelse.command.support;

import dk.laeringsledelse.kernel.CommandOutcome;
import dk.laeringsledelse.kernel.ErrorCode;
import dk.laeringsledelse.kernel.RuleViolation;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.Map;
import java.util.Objects;

import static dk.laeringsledelse.kernel.MetaDataKeys.IDEMPOTENCY_KEY;

/** Matchers and metadata for fixture tests of the aggregates in this module (as CycleTestData has for the cycle). */
public final class Expectations {

    private Expectations() {
    }

    /** Matches a {@link RuleViolation} with this code and field. */
    public static Matcher<Object> violation(ErrorCode code, String field) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof RuleViolation v && v.code() == code && v.field().equals(field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("RuleViolation " + code + " on " + field);
            }
        };
    }

    /** Matches a command's answer by the id it created (null for none) and, if given, the aggregate's version. */
    public static Matcher<Object> outcome(String id, Long version) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof CommandOutcome outcome && Objects.equals(outcome.id(), id)
                        && (version == null || outcome.version() == version);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a CommandOutcome with id " + id + (version == null ? "" : " and version " + version));
            }
        };
    }

    public static Map<String, Object> withKey(String key) {
        return Map.of(IDEMPOTENCY_KEY, key);
    }

    public static EventMessage<?> withKey(Object event, String key) {
        return GenericEventMessage.asEventMessage(event).andMetaData(withKey(key));
    }

    public static String text(int length) {
        return "x".repeat(length);
    }
}
