package io.sanjiaodi.platform.security;

import java.util.Map;
import java.util.Objects;

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

    private Jurisdictions() {
    }

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

    /** The root of the tree: a user there sees every jurisdiction. */
    public static boolean isRoot(String jurisdictionId) {
        return "ningbo".equals(jurisdictionId);
    }
}
