package dk.laeringsledelse.kernel.measurement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indicators a measurement may report: the program's outcome measures (learning in the curriculum themes of the
 * day-care curriculum, well-being) and its process criterion (trust in and well-being at the institution, seed 003).
 * Reference data: events store only the id, so labels may change and indicators may be added without touching history;
 * an id, once used, is never removed or renamed.
 */
public final class Indicators {

    public static final IndicatorId LANGUAGE = IndicatorId.of("LANGUAGE");
    public static final IndicatorId SOCIAL_DEVELOPMENT = IndicatorId.of("SOCIAL_DEVELOPMENT");
    public static final IndicatorId PERSONAL_DEVELOPMENT = IndicatorId.of("PERSONAL_DEVELOPMENT");
    public static final IndicatorId BODY_SENSES_AND_MOVEMENT = IndicatorId.of("BODY_SENSES_AND_MOVEMENT");
    public static final IndicatorId NATURE_OUTDOOR_LIFE_AND_SCIENCE = IndicatorId.of("NATURE_OUTDOOR_LIFE_AND_SCIENCE");
    public static final IndicatorId CULTURE_AESTHETICS_AND_COMMUNITY = IndicatorId.of("CULTURE_AESTHETICS_AND_COMMUNITY");
    public static final IndicatorId WELL_BEING = IndicatorId.of("WELL_BEING");
    public static final IndicatorId TRUST_IN_INSTITUTION = IndicatorId.of("TRUST_IN_INSTITUTION");

    private static final Map<IndicatorId, Indicator> ALL = index(
            new Indicator(LANGUAGE, "Kommunikation og sprog", "Communication and language"),
            new Indicator(SOCIAL_DEVELOPMENT, "Social udvikling", "Social development"),
            new Indicator(PERSONAL_DEVELOPMENT, "Alsidig personlig udvikling", "Personal development"),
            new Indicator(BODY_SENSES_AND_MOVEMENT, "Krop, sanser og bevægelse", "Body, senses and movement"),
            new Indicator(NATURE_OUTDOOR_LIFE_AND_SCIENCE, "Natur, udeliv og science", "Nature, outdoor life and science"),
            new Indicator(CULTURE_AESTHETICS_AND_COMMUNITY, "Kultur, æstetik og fællesskab",
                    "Culture, aesthetics and community"),
            new Indicator(WELL_BEING, "Trivsel", "Well-being"),
            new Indicator(TRUST_IN_INSTITUTION, "Tillid til dagtilbuddet", "Trust in the institution"));

    private Indicators() {
    }

    /** Every known indicator, in display order. */
    public static List<Indicator> all() {
        return List.copyOf(ALL.values());
    }

    public static Optional<Indicator> find(IndicatorId id) {
        return Optional.ofNullable(id == null ? null : ALL.get(id));
    }

    public static boolean isKnown(IndicatorId id) {
        return find(id).isPresent();
    }

    private static Map<IndicatorId, Indicator> index(Indicator... indicators) {
        Map<IndicatorId, Indicator> map = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            map.put(indicator.id(), indicator);
        }
        return map;
    }
}
