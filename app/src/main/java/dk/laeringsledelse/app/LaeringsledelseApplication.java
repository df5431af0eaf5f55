package dk.laeringsledelse.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The deployable application: wires the event store, the command side and the query side. */
@SpringBootApplication(scanBasePackages = "dk.laeringsledelse")
@ConfigurationPropertiesScan
public class LaeringsledelseApplication {

    public static void main(String[] args) {
        SpringApplication.run(LaeringsledelseApplication.class, args);
    }
}
