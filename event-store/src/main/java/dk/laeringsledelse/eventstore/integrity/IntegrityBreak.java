package dk.laeringsledelse.eventstore.integrity;

/**
 * A broken link: where and what. Fields that do not apply are null (a void position has no aggregate; a break
 * found by the per-aggregate chain has no seal).
 *
 * @param kind        what kind of tampering
 * @param aggregateId the aggregate whose event is concerned
 * @param seq         its sequence number
 * @param position    the global position concerned
 * @param seal        the number of the seal whose range or chain is broken, when found through the seals
 * @param detail      a sentence for humans: what was expected and what was found
 */
public record IntegrityBreak(BreakKind kind, String aggregateId, Long seq, Long position, Long seal, String detail) {
}
