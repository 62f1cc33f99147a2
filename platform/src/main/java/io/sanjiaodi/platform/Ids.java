package io.sanjiaodi.platform;

import java.util.regex.Pattern;

/**
 * The format every id in a URL or a command has: letters, digits, {@code _} and {@code -}. Typed ids
 * check it in their constructor, so a web layer that converts path variables to typed ids needs no
 * {@code @Pattern} on each parameter; a wrong id becomes a 400 VALIDATION_FAILED naming the field.
 */
public final class Ids {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]+");

    private Ids() {}

    /** {@code value} if it is a well-formed id of at most {@code maxLength} characters. */
    public static String requireWellFormed(String value, String what, int maxLength) {
        if (value == null
                || value.isEmpty()
                || value.length() > maxLength
                || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to " + maxLength + " letters, digits, '_' or '-'");
        }
        return value;
    }
}
