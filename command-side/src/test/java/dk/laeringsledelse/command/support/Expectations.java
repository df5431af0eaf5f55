package dk.laeringsledelse.command.support;

import dk.laeringsledelse.kernel.CommandOutcome;
import dk.laeringsledelse.kernel.ErrorCode;
import dk.laeringsledelse.kernel.IdempotentCommand;
import dk.laeringsledelse.kernel.RuleViolation;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static dk.laeringsledelse.kernel.MetaDataKeys.ACTOR;
import static dk.laeringsledelse.kernel.MetaDataKeys.IDEMPOTENCY_KEY;
import static dk.laeringsledelse.kernel.MetaDataKeys.IDEMPOTENT_COMMAND;
import static dk.laeringsledelse.kernel.MetaDataKeys.IDEMPOTENT_RESULT;
import static dk.laeringsledelse.kernel.MetaDataKeys.REQUEST_FINGERPRINT;

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

    /** Metadata of an event recorded before keys were scoped: the key alone. */
    public static EventMessage<?> withKey(Object event, String key) {
        return GenericEventMessage.asEventMessage(event).andMetaData(withKey(key));
    }

    /** Command metadata: the key, sent by {@code actor}. */
    public static Map<String, Object> withKey(String key, String actor) {
        return Map.of(IDEMPOTENCY_KEY, key, ACTOR, actor);
    }

    /** What the command side records on each event {@code command} applies under {@code key}. */
    public static Map<String, Object> recordedKey(IdempotentCommand command, String key) {
        Map<String, Object> metaData = new HashMap<>(Map.of(IDEMPOTENCY_KEY, key,
                IDEMPOTENT_COMMAND, command.getClass().getSimpleName(), REQUEST_FINGERPRINT, Fingerprint.of(command)));
        if (command.resultId() != null) {
            metaData.put(IDEMPOTENT_RESULT, command.resultId().toString());
        }
        return metaData;
    }

    /** An event as {@code command} applied it under {@code key}, sent by no one in particular. */
    public static EventMessage<?> keyed(Object event, IdempotentCommand command, String key) {
        return GenericEventMessage.asEventMessage(event).andMetaData(recordedKey(command, key));
    }

    /** An event as {@code command} applied it under {@code key}, sent by {@code actor}. */
    public static EventMessage<?> keyed(Object event, IdempotentCommand command, String key, String actor) {
        return keyed(event, command, key).andMetaData(Map.of(ACTOR, actor));
    }

    public static String text(int length) {
        return "x".repeat(length);
    }
}
