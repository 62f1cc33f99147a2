package io.sanjiaodi.platform.security;

import io.sanjiaodi.platform.Refusal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scope check an aggregate makes on every command against its own unit and jurisdiction, with
 * the actor the command carries in its metadata ({@link ActorDispatchInterceptor}). The web layer's
 * check reads the query model, which lags behind the aggregate and can be fooled by values a request
 * claims; the aggregate's own record cannot. It fails closed: a command that names no actor at all
 * is refused. The refusal is the web layer's ({@code OUT_OF_SCOPE}, recorded as {@code AccessDenied}).
 */
public final class ActorScope {

    private ActorScope() {}

    /**
     * The user who sent the command, or empty for the service's own work ({@code system:<service>},
     * which carries no role); 403 OUT_OF_SCOPE when the command names no actor.
     */
    public static Optional<Actor> actorOf(Map<String, ?> metaData) {
        String userId = text(metaData, ActorMetaData.ACTOR);
        String role = text(metaData, ActorMetaData.ROLE);
        if (userId == null) {
            throw Refusal.forbidden("OUT_OF_SCOPE", "a command that names no actor is outside every scope");
        }
        if (role == null && userId.startsWith(ActorDispatchInterceptor.SYSTEM_PREFIX)) {
            return Optional.empty();
        }
        String supervised = text(metaData, ActorMetaData.SUPERVISED_UNITS);
        return Optional.of(new Actor(
                userId,
                null,
                Actor.firstRole(role),
                text(metaData, ActorMetaData.JURISDICTION),
                text(metaData, ActorMetaData.UNIT),
                supervised == null ? List.of() : Arrays.asList(supervised.split(","))));
    }

    /** 403 OUT_OF_SCOPE unless the command's actor may act on a record of {@code unitId} in {@code jurisdictionId}. */
    public static void requireUnit(Map<String, ?> metaData, String unitId, String jurisdictionId, String what) {
        actorOf(metaData).ifPresent(actor -> Actors.requireScope(actor.mayAccessUnit(unitId, jurisdictionId), what));
    }

    private static String text(Map<String, ?> metaData, String key) {
        Object value = metaData.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
