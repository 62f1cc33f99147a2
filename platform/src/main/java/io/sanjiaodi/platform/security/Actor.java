package io.sanjiaodi.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is acting, as the token says. {@code role} is the first known role of the {@code roles}
 * claim; a token naming none is not accepted (see {@link ActorAuthenticationConverter}).
 */
public record Actor(
        String userId, String name, Role role, String jurisdictionId, String unitId, List<String> supervisedUnitIds) {

    public Actor {
        supervisedUnitIds = supervisedUnitIds == null ? List.of() : List.copyOf(supervisedUnitIds);
    }

    public static Actor fromJwt(Jwt jwt) {
        return new Actor(
                jwt.getSubject(),
                jwt.getClaimAsString("name"),
                firstRole(jwt.getClaim("roles")),
                jwt.getClaimAsString("jurisdiction_id"),
                jwt.getClaimAsString("unit_id"),
                jwt.getClaimAsStringList("supervised_unit_ids"));
    }

    static Role firstRole(Object claim) {
        if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                Role role = role(value);
                if (role != null) {
                    return role;
                }
            }
            return null;
        }
        return role(claim);
    }

    private static Role role(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Role.valueOf(value.toString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    public boolean is(Role... roles) {
        for (Role r : roles) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }

    /** Unit roles act for their own unit only; other roles within their jurisdiction. */
    public boolean mayAccessJurisdiction(String jurisdictionId) {
        return Jurisdictions.within(jurisdictionId, this.jurisdictionId);
    }

    /**
     * May this actor see a record of {@code unitId} in {@code jurisdictionId}? Unit users: their
     * own unit. Supervising bodies: the units they supervise. Everyone else: within jurisdiction.
     */
    public boolean mayAccessUnit(String unitId, String jurisdictionId) {
        if (role == null) {
            return false;
        }
        if (role.isUnitRole()) {
            return this.unitId != null && Objects.equals(this.unitId, unitId);
        }
        if (role == Role.SUPERVISING_BODY) {
            return unitId != null && supervisedUnitIds.contains(unitId);
        }
        return mayAccessJurisdiction(jurisdictionId);
    }

    /**
     * {@link #mayAccessUnit} as a filter a store can apply before paging, so a page of a list is
     * never cut short by records the actor may not see.
     */
    public Scope scope() {
        if (role == null) {
            return new Scope(Scope.UNIT, Set.of());
        }
        if (role.isUnitRole()) {
            return new Scope(Scope.UNIT, unitId == null ? Set.of() : Set.of(unitId));
        }
        if (role == Role.SUPERVISING_BODY) {
            return new Scope(Scope.UNIT, Set.copyOf(supervisedUnitIds));
        }
        return new Scope(Scope.JURISDICTION, Jurisdictions.subtree(jurisdictionId));
    }

    /** Records whose {@code field} ({@value #UNIT} or {@value #JURISDICTION}) is one of {@code values}; none if empty. */
    public record Scope(String field, Set<String> values) {
        public static final String UNIT = "unitId";
        public static final String JURISDICTION = "jurisdictionId";

        public Scope {
            values = Set.copyOf(values);
        }
    }

    /**
     * Confidential sources of problems (信访举报 and the like) are for the commission's readers only:
     * LEADERSHIP, SUPERVISION_OFFICE and AUDITOR (README, Scope). Named, so that no other role
     * (ADMIN, or one added later) sees them by default.
     */
    public boolean maySeeConfidentialSources() {
        return is(Role.LEADERSHIP, Role.SUPERVISION_OFFICE, Role.AUDITOR);
    }
}
