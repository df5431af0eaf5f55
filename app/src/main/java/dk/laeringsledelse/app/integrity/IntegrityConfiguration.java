package dk.laeringsledelse.app.integrity;

import dk.laeringsledelse.app.store.EventStoreDatabase;
import dk.laeringsledelse.eventstore.integrity.ChainSealer;
import dk.laeringsledelse.eventstore.integrity.IntegrityVerifier;
import dk.laeringsledelse.app.store.EventStoreProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tamper evidence: every instance seals the closed part of the global order on a schedule (sealers on several
 * instances are safe together), and the verifier answers auditors.
 */
@Configuration(proxyBeanMethods = false)
public class IntegrityConfiguration {

    /** Seals a position once the event store's gap timeout has passed for it: the same bet tracking makes. */
    @Bean
    ChainSealer chainSealer(EventStoreDatabase eventStore,
                            EventStoreProperties properties, Clock clock) {
        return new ChainSealer(eventStore.database(), properties.gapTimeout(), clock);
    }

    @Bean
    IntegrityVerifier integrityVerifier(EventStoreDatabase eventStore) {
        return new IntegrityVerifier(eventStore.database());
    }

    @Bean
    SealingSchedule sealingSchedule(ChainSealer sealer,
                                    IntegrityProperties properties) {
        return new SealingSchedule(sealer, properties.sealInterval());
    }
}
