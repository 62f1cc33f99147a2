package io.sanjiaodi.benchmark;

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
}
