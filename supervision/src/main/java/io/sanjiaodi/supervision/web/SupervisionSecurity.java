package io.sanjiaodi.supervision.web;

import static io.sanjiaodi.platform.security.Role.*;

import io.sanjiaodi.platform.security.AccessRule;
import io.sanjiaodi.platform.security.Actor;
import io.sanjiaodi.platform.security.Actors;
import io.sanjiaodi.platform.security.Jurisdictions;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Who may call the supervision endpoints (the root README's table). Lists and exports are filtered
 * to the actor's scope; the aggregate figures (overview) and the live stream, which summarise every
 * unit, are for the commission and auditors only.
 */
@Component
class SupervisionSecurity implements AccessRule.Policy {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.of(
                        "GET",
                        "/api/supervision/overview",
                        LEADERSHIP,
                        SUPERVISION_OFFICE,
                        SUPERVISING_BODY,
                        UNIT_LEADER,
                        UNIT_STAFF,
                        AUDITOR),
                AccessRule.of("GET", "/api/supervision/stream", LEADERSHIP, SUPERVISION_OFFICE, AUDITOR),
                AccessRule.of("POST", "/api/supervision/stream-tickets", LEADERSHIP, SUPERVISION_OFFICE, AUDITOR),
                AccessRule.of("POST", "/api/supervision/rebuild", ADMIN, SUPERVISION_OFFICE),
                AccessRule.of("GET", "/api/supervision/rebuild", ADMIN, SUPERVISION_OFFICE, AUDITOR),
                AccessRule.of(
                        "GET",
                        "/api/supervision/**",
                        LEADERSHIP,
                        SUPERVISION_OFFICE,
                        SUPERVISING_BODY,
                        UNIT_LEADER,
                        UNIT_STAFF,
                        AUDITOR));
    }

    /**
     * The jurisdiction a query runs for: the one asked for if it is within the actor's, else 403;
     * none asked: the actor's own unless it is the root (then all).
     */
    static String jurisdiction(String asked) {
        Actor actor = Actors.require();
        if (asked != null) {
            Actors.requireScope(
                    actor.mayAccessJurisdiction(asked) || actor.role().isUnitRole() || actor.role() == SUPERVISING_BODY,
                    "jurisdiction " + asked);
            return asked;
        }
        return Jurisdictions.isRoot(actor.jurisdictionId()) ? null : actor.jurisdictionId();
    }

    /** Whether a unit's figures count in the actor's overview: its own unit, the units it supervises, its jurisdiction. */
    static boolean counts(String unitId, String jurisdictionId) {
        return Actors.require().mayAccessUnit(unitId, jurisdictionId);
    }

    /** Rows of units outside the actor's scope are left out, not refused. */
    static <T> List<T> visible(List<T> rows, Function<T, String> unit, Function<T, String> jurisdiction) {
        Actor actor = Actors.require();
        return rows.stream()
                .filter(r -> actor.mayAccessUnit(unit.apply(r), jurisdiction.apply(r)))
                .toList();
    }
}
