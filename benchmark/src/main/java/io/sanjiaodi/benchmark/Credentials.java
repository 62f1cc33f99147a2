package io.sanjiaodi.benchmark;

import io.sanjiaodi.devstack.DemoUsers;
import io.sanjiaodi.devstack.DevTokens;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Who acts, as request headers. A role is {@code SUPERVISOR} (the supervision office: schedules,
 * conducts, verifies), {@code UNIT:<unitId>} (the unit's own staff), {@code AUDITOR} or
 * {@code ADMIN} (registers the benchmark's units).
 */
final class Credentials {

    private Credentials() {}

    static Function<String, String[]> forMode(String mode) {
        return switch (mode) {
            case "tokens" -> bearer(demoTokens(DevTokens.fromDataDir()));
            default -> throw new IllegalArgumentException("unknown --auth " + mode + "; the only one is tokens");
        };
    }

    /**
     * Tokens of the local run's demo users, signed with the auth server's key in
     * {@code <data>/auth/jwks.json} (SANJIAODI_DATA) like the demo loader's: the supervision office
     * schedules, conducts and verifies; each benchmark unit's own leader plans and reports.
     */
    static Function<String, String> demoTokens(DevTokens tokens) {
        return role -> switch (role) {
            case "SUPERVISOR" -> tokens.token("office");
            case "AUDITOR" -> tokens.token("auditor");
            case "ADMIN" -> tokens.token("admin");
            default -> tokens.apply(DemoUsers.unitLeader(role.substring("UNIT:".length()), "ningbo"));
        };
    }

    /** {@code Authorization: Bearer} with one token per role, signed once (a signature costs about a millisecond). */
    static Function<String, String[]> bearer(Function<String, String> tokenForRole) {
        Map<String, String[]> signed = new ConcurrentHashMap<>();
        return role ->
                signed.computeIfAbsent(role, r -> new String[] {"Authorization", "Bearer " + tokenForRole.apply(r)});
    }
}
