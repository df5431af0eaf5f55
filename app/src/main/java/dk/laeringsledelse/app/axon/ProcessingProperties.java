package dk.laeringsledelse.app.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the projections' event processors run (see {@link ProcessorsConfiguration}).
 *
 * @param processorSegments  segments (and threads) per processor; more spread a processor across threads and instances
 * @param processorBatchSize most events a projection handles (and writes) as one batch
 * @param projectionCache    BSON each processor keeps of the documents it wrote, between its batches; unset: 16 MB on
 *                           the embedded store, none on a real MongoDB
 * @param auditLinger        how long the audit history's batch waits for more events after its first (0: not at all)
 * @param tokenClaimTimeout  how long a processor's claim lasts without renewal before another instance may take it
 * @param nodeId             stable id of this instance for processor claims; blank: host name and HTTP port
 */
@ConfigurationProperties("laeringsledelse")
public record ProcessingProperties(@DefaultValue("1") int processorSegments,
                                   @DefaultValue("1000") int processorBatchSize,
                                   DataSize projectionCache,
                                   @DefaultValue("100ms") Duration auditLinger,
                                   @DefaultValue("10s") Duration tokenClaimTimeout,
                                   @DefaultValue("") String nodeId) {

    public ProcessingProperties {
        if (processorSegments < 1) {
            throw new IllegalArgumentException("laeringsledelse.processor-segments must be at least 1, not "
                    + processorSegments);
        }
        if (processorBatchSize < 1) {
            throw new IllegalArgumentException("laeringsledelse.processor-batch-size must be at least 1, not "
                    + processorBatchSize);
        }
        if (projectionCache != null && projectionCache.isNegative()) {
            throw new IllegalArgumentException("laeringsledelse.projection-cache must not be negative, not "
                    + projectionCache);
        }
        if (auditLinger.isNegative()) {
            throw new IllegalArgumentException("laeringsledelse.audit-linger must not be negative, not " + auditLinger);
        }
        if (tokenClaimTimeout.isNegative() || tokenClaimTimeout.isZero()) {
            throw new IllegalArgumentException("laeringsledelse.token-claim-timeout must be positive, not "
                    + tokenClaimTimeout);
        }
        nodeId = nodeId == null ? "" : nodeId;
    }
}
