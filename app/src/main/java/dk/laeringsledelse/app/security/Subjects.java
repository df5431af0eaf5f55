package dk.laeringsledelse.app.security;

import java.util.regex.Pattern;

/** A token's subject is the person id stored in every event's metadata: it must be short and plain. */
final class Subjects {

    private static final Pattern USABLE = Pattern.compile("[\\p{L}\\p{N}._@:+-]{1,100}");

    private Subjects() {
    }

    static boolean isUsable(String subject) {
        return subject != null && USABLE.matcher(subject).matches();
    }
}
