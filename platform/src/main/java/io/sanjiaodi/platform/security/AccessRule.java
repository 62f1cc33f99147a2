package io.sanjiaodi.platform.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which roles may call an endpoint ({@code pattern} uses {@code *} for one path segment). Scope
 * (own unit, jurisdiction) is checked by the controllers on top of this; the root README's table
 * is the specification both follow.
 */
public record AccessRule(String method, String pattern, Set<Role> roles) {

    public static AccessRule of(String method, String pattern, Role... roles) {
        return new AccessRule(method, pattern, roles.length == 0 ? Set.of() : EnumSet.copyOf(List.of(roles)));
    }

    /** The rules of one service (or library); all beans of this type are applied in bean order. */
    public interface Policy {
        List<AccessRule> rules();
    }
}
