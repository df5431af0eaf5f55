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
     * Optional client idempotency key: the same command with the same key returns the earlier result and stores
     * nothing new. The aggregate copies it onto the event it applies.
     */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private MetaDataKeys() {
    }
}
