package io.sanjiaodi.platform.testing;

import io.sanjiaodi.platform.Refusal;
import java.util.Optional;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * The one way tests say "refused with this code": a matcher for a thrown {@link Refusal}, one
 * returned by a command handler ({@code Optional<Refusal>}), or one wrapped in Axon's command
 * execution exception. It compares the code, because clients branch on the code.
 */
public final class Refusals {

    private Refusals() {}

    /** Matches a refusal carrying {@code code}; use with {@code expectException} or {@code expectResultMessagePayloadMatching}. */
    public static Matcher<Object> refused(String code) {
        return refused(code, null);
    }

    /** Matches a refusal carrying {@code code} and of {@code kind}. */
    public static Matcher<Object> refused(String code, Refusal.Kind kind) {
        return new TypeSafeDiagnosingMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item, Description mismatch) {
                Optional<Refusal> refusal = refusalIn(item);
                if (refusal.isEmpty()) {
                    mismatch.appendText("was not a refusal: ").appendValue(item);
                    return false;
                }
                Refusal r = refusal.get();
                if (!r.code().equals(code) || (kind != null && r.kind() != kind)) {
                    mismatch.appendText("was refused with ")
                            .appendValue(r.kind() + " " + r.code())
                            .appendText(": " + r.getMessage());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refused with code ").appendValue(code);
                if (kind != null) {
                    description.appendText(" of kind ").appendValue(kind);
                }
            }
        };
    }

    /** The refusal an object is, holds or was caused by. */
    public static Optional<Refusal> refusalIn(Object item) {
        if (item instanceof Refusal r) {
            return Optional.of(r);
        }
        if (item instanceof Optional<?> o) {
            return o.filter(Refusal.class::isInstance).map(Refusal.class::cast);
        }
        if (item instanceof Throwable t && t.getCause() != null && t.getCause() != t) {
            return refusalIn(t.getCause());
        }
        return Optional.empty();
    }
}
