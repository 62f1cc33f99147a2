package io.sanjiaodi.benchmark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Who acts, as request headers. A role is {@code SUPERVISOR} (the supervision office: schedules,
 * conducts, verifies), {@code UNIT:<unitId>} (the unit's own staff) or {@code AUDITOR}.
 */
final class Credentials {

    private Credentials() {
    }

    static Function<String, String[]> forMode(String mode) {
        return switch (mode) {
            case "none" -> role -> new String[0];
            case "role-header" -> role -> new String[] {"X-Actor-Role", role.startsWith("UNIT") ? "UNIT" : "SUPERVISOR"};
            default -> throw new IllegalArgumentException("unknown --auth " + mode + "; one of role-header, none");
        };
    }

    /** {@code Authorization: Bearer} with one token per role, signed once (a signature costs about a millisecond). */
    static Function<String, String[]> bearer(Function<String, String> tokenForRole) {
        Map<String, String[]> signed = new ConcurrentHashMap<>();
        return role -> signed.computeIfAbsent(role, r -> new String[] {"Authorization", "Bearer " + tokenForRole.apply(r)});
    }
}
