package dk.laeringsledelse.kernel;

/**
 * Keys of command and event metadata. Who did something and why it happened travel in metadata, not in payloads;
 * the application layer puts them on the command and a correlation data provider copies them onto the events
 * (e.g. {@code new SimpleCorrelationDataProvider(ACTOR, IDEMPOTENCY_KEY)} next to Axon's {@code MessageOriginProvider}).
 * When it happened is the event message's own timestamp.
 */
public final class MetaDataKeys {

    /** Pseudonymous id of the acting person (the authenticated user), set by the application layer. */
    public static final String ACTOR = "actor";
    /** The role the actor acted in (e.g. COORDINATOR, LEADER), set by the application layer. */
    public static final String ACTOR_ROLE = "actorRole";
    /** Correlation id; the same key Axon's {@code MessageOriginProvider} uses. */
    public static final String CORRELATION_ID = "correlationId";
    /** Id of the message that caused this one; the same key Axon's {@code MessageOriginProvider} uses. */
    public static final String TRACE_ID = "traceId";
    /**
     * Optional client idempotency key, scoped to the actor and the command's type: the same command with the same
     * key and content returns the earlier result and stores nothing new; different content is a CONFLICT. The command
     * side copies it onto the events the command applies, with the three keys below.
     */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /**
     * On an event applied under an idempotency key: the type of the command (its class's simple name) whose key it
     * was. Events recorded before this was added have none.
     */
    public static final String IDEMPOTENT_COMMAND = "idempotentCommand";
    /**
     * On an event applied under an idempotency key: the fingerprint (a hash) of the command's content, so that a
     * repeat of the key with different content is refused. Events recorded before this was added have none.
     */
    public static final String REQUEST_FINGERPRINT = "requestFingerprint";
    /** On an event applied under an idempotency key: the id the command answered with, if any; a repeat answers it. */
    public static final String IDEMPOTENT_RESULT = "idempotentResult";

    private MetaDataKeys() {
    }
}
