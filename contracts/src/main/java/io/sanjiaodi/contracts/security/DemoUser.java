package io.sanjiaodi.contracts.security;

import java.util.List;

/**
 * A demo user of the security contract and the claims its tokens carry. The users are one JSON
 * table, {@link #TABLE}, that the auth server signs in, the demo loader acts as and the tests mint
 * tokens for — one source, so the three cannot drift apart. Never a password.
 *
 * @param unitId            unit roles only
 * @param supervisedUnitIds SUPERVISING_BODY only; empty for everybody else
 */
public record DemoUser(
        String username,
        String name,
        List<String> roles,
        String jurisdictionId,
        String unitId,
        List<String> supervisedUnitIds) {

    /** Classpath resource of the table: a JSON array of these records. */
    public static final String TABLE = "/io/sanjiaodi/contracts/security/demo-users.json";

    public DemoUser {
        roles = List.copyOf(roles);
        supervisedUnitIds = supervisedUnitIds == null ? List.of() : List.copyOf(supervisedUnitIds);
    }
}
