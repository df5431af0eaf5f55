package dk.laeringsledelse.command.support;

import dk.laeringsledelse.kernel.ErrorCode;
import dk.laeringsledelse.kernel.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers for the exceptions of given/when/then fixtures. */
public final class RuleViolations {

    private RuleViolations() {
    }

    /** A {@link RuleViolation} with this code on this field. */
    public static Matcher<Object> violation(ErrorCode code, String field) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof RuleViolation v && v.code() == code && v.field().equals(field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("RuleViolation " + code + " on " + field);
            }
        };
    }
}
