package dk.laeringsledelse.kernel;

/**
 * What a command handler answers: the id of what it created (or null) and the aggregate's version after it, so the
 * caller can wait until a read model has caught up with its own write.
 */
public record CommandOutcome(String id, long version) {

    /** A creating command answers with the new aggregate's id; its version is then 0. */
    public static CommandOutcome from(Object result) {
        if (result instanceof CommandOutcome outcome) {
            return outcome;
        }
        return new CommandOutcome(result == null ? null : result.toString(), 0);
    }
}
