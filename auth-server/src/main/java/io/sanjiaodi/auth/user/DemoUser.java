package io.sanjiaodi.auth.user;

import java.util.List;

/**
 * A demo user and the claims its tokens carry (see the security contract).
 *
 * @param unitId            unit roles only
 * @param supervisedUnitIds SUPERVISING_BODY only; empty for everybody else
 */
public record DemoUser(String username, String name, List<String> roles, String jurisdictionId, String unitId,
                       List<String> supervisedUnitIds) {

    public DemoUser {
        roles = List.copyOf(roles);
        supervisedUnitIds = supervisedUnitIds == null ? List.of() : List.copyOf(supervisedUnitIds);
    }
}
