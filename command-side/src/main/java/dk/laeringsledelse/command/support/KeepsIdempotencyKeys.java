package dk.laeringsledelse.command.support;

/**
 * An aggregate whose {@link dk.laeringsledelse.kernel.IdempotentCommand}s honour idempotency keys. It only keeps the
 * state; {@link IdempotencyEnhancer} answers repeats and records keys, so its handlers never see a repeat.
 */
public interface KeepsIdempotencyKeys {

    IdempotencyKeys idempotencyKeys();
}
