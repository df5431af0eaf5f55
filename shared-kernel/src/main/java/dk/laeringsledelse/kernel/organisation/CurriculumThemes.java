package dk.laeringsledelse.kernel.organisation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reference data: the curriculum themes a learning goal may name, per kind of institution. Day-care institutions
 * use the six themes of the 2018 strengthened pedagogical curriculum; schools use their subjects.
 */
public final class CurriculumThemes {

    /** A theme's stable code (stored in events) and its Danish label. */
    public record Theme(String code, String label) {
    }

    private static final Map<InstitutionKind, List<Theme>> THEMES = Map.of(
            InstitutionKind.DAYCARE, List.of(
                    new Theme("alsidig-personlig-udvikling", "Alsidig personlig udvikling"),
                    new Theme("social-udvikling", "Social udvikling"),
                    new Theme("kommunikation-og-sprog", "Kommunikation og sprog"),
                    new Theme("krop-sanser-og-bevaegelse", "Krop, sanser og bevægelse"),
                    new Theme("natur-udeliv-og-science", "Natur, udeliv og science"),
                    new Theme("kultur-aestetik-og-faellesskab", "Kultur, æstetik og fællesskab")),
            InstitutionKind.SCHOOL, List.of(
                    new Theme("dansk", "Dansk"),
                    new Theme("matematik", "Matematik"),
                    new Theme("engelsk", "Engelsk"),
                    new Theme("tysk", "Tysk"),
                    new Theme("natur-teknologi", "Natur/teknologi"),
                    new Theme("biologi", "Biologi"),
                    new Theme("fysik-kemi", "Fysik/kemi"),
                    new Theme("geografi", "Geografi"),
                    new Theme("historie", "Historie"),
                    new Theme("samfundsfag", "Samfundsfag"),
                    new Theme("kristendomskundskab", "Kristendomskundskab"),
                    new Theme("idraet", "Idræt"),
                    new Theme("musik", "Musik"),
                    new Theme("billedkunst", "Billedkunst"),
                    new Theme("haandvaerk-og-design", "Håndværk og design"),
                    new Theme("madkundskab", "Madkundskab"),
                    new Theme("elevernes-alsidige-udvikling", "Elevernes alsidige udvikling og trivsel")));

    private CurriculumThemes() {
    }

    public static List<Theme> of(InstitutionKind kind) {
        return THEMES.get(kind);
    }

    public static Optional<Theme> find(InstitutionKind kind, String code) {
        return of(kind).stream().filter(t -> t.code().equals(code)).findFirst();
    }
}
