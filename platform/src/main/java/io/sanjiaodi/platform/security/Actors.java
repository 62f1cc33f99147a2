package io.sanjiaodi.platform.security;

import io.sanjiaodi.platform.Refusal;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** The acting user of the current request, read from the security context. */
public final class Actors {

    private Actors() {}

    public static Optional<Actor> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Jwt jwt) {
            return Optional.of(Actor.fromJwt(jwt));
        }
        return Optional.empty();
    }

    /** The actor of a request that passed the filter chain; 401 if there is none. */
    public static Actor require() {
        return current()
                .orElseThrow(() ->
                        Refusal.unauthenticated("AUTHENTICATION_REQUIRED", "the request needs a valid bearer token"));
    }

    /** 403 OUT_OF_SCOPE unless {@code allowed}: the resource exists but lies outside the actor's unit or jurisdiction. */
    public static void requireScope(boolean allowed, String what) {
        if (!allowed) {
            throw Refusal.forbidden("OUT_OF_SCOPE", what + " is outside your unit or jurisdiction");
        }
    }
}
