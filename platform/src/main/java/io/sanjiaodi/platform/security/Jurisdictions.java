package io.sanjiaodi.platform.security;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The jurisdiction tree of the security contract: {@code ningbo} (city) is the parent of the
 * county-level districts. A jurisdiction-scoped user sees its jurisdiction and everything below it.
 */
public final class Jurisdictions {

    /** child -> parent */
    private static final Map<String, String> PARENT = Map.of(
            "yuyao", "ningbo",
            "jiangbei", "ningbo",
            "fenghua", "ningbo");

    private Jurisdictions() {}

    /** True when {@code candidate} is {@code scope} or lies below it. */
    public static boolean within(String candidate, String scope) {
        if (candidate == null || scope == null) {
            return false;
        }
        for (String j = candidate; j != null; j = PARENT.get(j)) {
            if (Objects.equals(j, scope)) {
                return true;
            }
        }
        return false;
    }

    /** {@code scope} and every jurisdiction below it: what {@link #within} accepts, as a set a query can use. */
    public static Set<String> subtree(String scope) {
        if (scope == null) {
            return Set.of();
        }
        Set<String> all = new TreeSet<>(PARENT.keySet());
        all.addAll(PARENT.values());
        all.add(scope);
        all.removeIf(candidate -> !within(candidate, scope));
        return Collections.unmodifiableSet(all);
    }

    /** The root of the tree: a user there sees every jurisdiction. */
    public static boolean isRoot(String jurisdictionId) {
        return "ningbo".equals(jurisdictionId);
    }
}
