package dk.laeringsledelse.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The deployable application: wires the event store, the command side and the query side. */
@SpringBootApplication(scanBasePackages = "dk.laeringsledelse")
@ConfigurationPropertiesScan
public class LaeringsledelseApplication {

    static {
        // Axon would report usage to axoniq.io: an installation holding children's data must not call out unasked
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(LaeringsledelseApplication.class, args);
    }
}
