package io.sanjiaodi.rectification.web;

import io.sanjiaodi.platform.RuleViolation;
import io.sanjiaodi.rectification.command.rectification.ActorRole;
import java.util.Locale;

/**
 * Reads who acts from the {@code X-Actor-Role} header — the only place that does. The security
 * issue replaces the header with a JWT claim here; what each role may do stays in {@code Permissions}.
 */
final class Actors {

    static final String HEADER = "X-Actor-Role";

    private Actors() {
    }

    static ActorRole role(String header) {
        if (header == null || header.isBlank()) {
            throw new RuleViolation("ACTOR_ROLE_REQUIRED", 401, "the request must name the actor's role in " + HEADER);
        }
        try {
            ActorRole role = ActorRole.valueOf(header.strip().toUpperCase(Locale.ROOT));
            if (role == ActorRole.SYSTEM) {
                throw new IllegalArgumentException("SYSTEM is the service itself");
            }
            return role;
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("ACTOR_ROLE_UNKNOWN", 400, "unknown role in " + HEADER
                    + "; one of SUPERVISOR, SUPERVISING_BODY, UNIT");
        }
    }
}
