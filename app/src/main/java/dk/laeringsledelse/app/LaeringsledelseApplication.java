package dk.laeringsledelse.app;

import dk.laeringsledelse.app.axon.DaemonJanitor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The deployable application: wires the event store, the command side and the query side. */
@SpringBootApplication(scanBasePackages = "dk.laeringsledelse")
@ConfigurationPropertiesScan("dk.laeringsledelse")
public class LaeringsledelseApplication {

    static {
        // Axon would report usage to axoniq.io: an installation holding children's data must not call out unasked
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        DaemonJanitor.start();
    }

    public static void main(String[] args) {
        try {
            SpringApplication.run(LaeringsledelseApplication.class, args);
        } catch (Throwable failedStart) {
            // Spring has logged why and closed what it started; end the process, whatever thread a library may
            // have left behind, so that a supervisor sees the failure at once
            System.exit(1);
        }
    }
}
