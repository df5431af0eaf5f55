package dk.laeringsledelse.command.support;

import dk.laeringsledelse.kernel.IdempotentCommand;
import dk.laeringsledelse.kernel.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.HashMap;
import java.util.Map;

import static dk.laeringsledelse.kernel.MetaDataKeys.ACTOR;
import static dk.laeringsledelse.kernel.MetaDataKeys.IDEMPOTENCY_KEY;
import static dk.laeringsledelse.kernel.MetaDataKeys.IDEMPOTENT_COMMAND;
import static dk.laeringsledelse.kernel.MetaDataKeys.IDEMPOTENT_RESULT;
import static dk.laeringsledelse.kernel.MetaDataKeys.REQUEST_FINGERPRINT;

/**
 * Idempotency keys in one place, for every aggregate that {@link KeepsIdempotencyKeys}. A key is scoped to the acting
 * person (metadata {@code actor}) and the command's type (its class):
 * <ul>
 *   <li>an {@link IdempotentCommand} whose key was seen with the same content answers the earlier result and reaches
 *       no handler; with other content it is a CONFLICT on {@code idempotencyKey}, and nothing is stored;</li>
 *   <li>a new key goes onto every event the command applies, with the command's type, its {@link Fingerprint} and
 *       its {@link IdempotentCommand#resultId()}, so that the aggregate remembers them from its events, also after a
 *       snapshot or a restart;</li>
 *   <li>every event sourcing handler of such an aggregate remembers the key its event carries.</li>
 * </ul>
 * Registered through {@code META-INF/services}, so the application and the test fixtures both use it.
 */
public class IdempotencyEnhancer implements HandlerEnhancerDefinition {

    public static final int KEY_MAX = 200;

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!KeepsIdempotencyKeys.class.isAssignableFrom(original.declaringClass())) {
            return original;
        }
        if (original.hasAnnotation(CommandHandler.class)
                && IdempotentCommand.class.isAssignableFrom(original.payloadType())) {
            return new AnswersRepeats<>(original);
        }
        if (original.canHandleMessageType(EventMessage.class)) {
            return new RemembersKeys<>(original);
        }
        return original;
    }

    private static final class AnswersRepeats<T> extends WrappedMessageHandlingMember<T> {

        AnswersRepeats(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            String key = key(message.getMetaData());
            if (key == null) {
                return super.handle(message, target);
            }
            IdempotentCommand command = (IdempotentCommand) message.getPayload();
            String type = command.getClass().getSimpleName();
            String fingerprint = Fingerprint.of(command);
            String actor = (String) message.getMetaData().get(ACTOR);
            IdempotencyKeys.Seen earlier = ((KeepsIdempotencyKeys) target).idempotencyKeys().lookUp(actor, type, key);
            if (earlier != null) {
                if (earlier.fingerprint() != null && !earlier.fingerprint().equals(fingerprint)) {
                    throw RuleViolation.conflict(IDEMPOTENCY_KEY, IDEMPOTENCY_KEY + " " + key
                            + " was already used for a different " + type + " request;"
                            + " use a new key for a new request");
                }
                return earlier.result();
            }
            Map<String, Object> recorded = new HashMap<>();
            recorded.put(IDEMPOTENCY_KEY, key);
            recorded.put(IDEMPOTENT_COMMAND, type);
            recorded.put(REQUEST_FINGERPRINT, fingerprint);
            if (command.resultId() != null) {
                recorded.put(IDEMPOTENT_RESULT, command.resultId().toString());
            }
            // correlation data goes onto every event this command applies, before the aggregate itself sees it
            CurrentUnitOfWork.get().registerCorrelationDataProvider(anyMessage -> recorded);
            return super.handle(message, target);
        }
    }

    private static final class RemembersKeys<T> extends WrappedMessageHandlingMember<T> {

        RemembersKeys(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            Object result = super.handle(message, target);
            MetaData metaData = message.getMetaData();
            Object key = metaData.get(IDEMPOTENCY_KEY);
            if (key != null) {
                ((KeepsIdempotencyKeys) target).idempotencyKeys().remember((String) metaData.get(ACTOR),
                        (String) metaData.get(IDEMPOTENT_COMMAND), key.toString(),
                        (String) metaData.get(REQUEST_FINGERPRINT), (String) metaData.get(IDEMPOTENT_RESULT));
            }
            return result;
        }
    }

    /** The command's key, or null; a key that is blank or too long is a BAD_REQUEST. */
    private static String key(MetaData metaData) {
        Object value = metaData.get(IDEMPOTENCY_KEY);
        if (value == null) {
            return null;
        }
        String key = value.toString();
        if (key.isBlank() || key.length() > KEY_MAX) {
            throw RuleViolation.badRequest(IDEMPOTENCY_KEY,
                    IDEMPOTENCY_KEY + " must not be blank or longer than " + KEY_MAX + " characters");
        }
        return key;
    }
}
