package dk.laeringsledelse.app.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether demo data is seeded (see {@link DemoSeeder}).
 *
 * @param mode {@code demo} or {@code production}; its default follows {@code laeringsledelse.store.uri}
 *             ({@code ModeDefaults})
 * @param demo seed the demo organisation, as {@code --demo} does (demo mode only)
 */
@ConfigurationProperties("laeringsledelse")
public record DemoProperties(String mode, boolean demo) {

    public DemoProperties {
        if (!"demo".equals(mode) && !"production".equals(mode)) {
            throw new IllegalArgumentException("laeringsledelse.mode must be demo or production, not " + mode);
        }
    }

    public boolean demoMode() {
        return mode.equals("demo");
    }
}
