package io.sanjiaodi.rectification.web;

import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.Actor;
import io.sanjiaodi.rectification.command.rectification.ActorRole;

/**
 * Maps the token's role onto the ledger's {@link ActorRole} — the only place that does; what each
 * ledger role may do stays in {@code Permissions}. Commission leadership acts as the supervision
 * office; auditors and administrators have no role on a ledger. Endpoints get the result as an
 * {@link ActingRole} parameter; {@link RectificationSecurity} derives its access rules from it.
 */
final class LedgerRoles {

    private LedgerRoles() {}

    /** 403 ROLE_NOT_ALLOWED for a token role that has no part in a ledger. */
    static ActorRole of(Actor actor) {
        if (actor.role() == null) {
            throw Refusal.forbidden("ROLE_NOT_ALLOWED", "the token names no known role");
        }
        return switch (actor.role()) {
            case LEADERSHIP, SUPERVISION_OFFICE -> ActorRole.SUPERVISOR;
            case SUPERVISING_BODY -> ActorRole.SUPERVISING_BODY;
            case UNIT_LEADER, UNIT_STAFF -> ActorRole.UNIT;
            case AUDITOR, ADMIN ->
                throw Refusal.forbidden(
                        "ROLE_NOT_ALLOWED", "role " + actor.role() + " has no part in a rectification ledger");
        };
    }
}
