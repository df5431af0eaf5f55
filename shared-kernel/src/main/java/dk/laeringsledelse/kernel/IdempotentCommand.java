package dk.laeringsledelse.kernel;

/**
 * A command that may carry an idempotency key (metadata {@link MetaDataKeys#IDEMPOTENCY_KEY}). A key is scoped to the
 * acting person and the command's type (its class): repeated with the same content it answers as the first time and
 * stores nothing; with different content it is refused (CONFLICT). The command side handles this in one place, so
 * command handlers never see a repeat.
 */
public interface IdempotentCommand {

    /**
     * The id the command answers with (what it creates, e.g. a goal id), or null. A repeat answers the first
     * request's; the request's fingerprint leaves it out, since the API derives such an id from the key.
     */
    default Object resultId() {
        return null;
    }
}
