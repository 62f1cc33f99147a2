package io.sanjiaodi.rectification.command.rectification;

import io.sanjiaodi.platform.Refusal;
import java.util.EnumSet;
import java.util.Set;

/** The one place that says which role may do what on a ledger. */
public final class Permissions {

    public enum Action {
        PLAN(ActorRole.UNIT),
        REQUEST_EXTENSION(ActorRole.UNIT),
        DECIDE_EXTENSION(ActorRole.SUPERVISOR),
        CASCADE(ActorRole.UNIT),
        COMPLETE_SUB_TASK(ActorRole.UNIT),
        REPORT_PROGRESS(ActorRole.UNIT),
        RECORD_REGULATION(ActorRole.UNIT),
        VERIFY(ActorRole.SUPERVISOR),
        FILE_WRITTEN_REPORT(ActorRole.UNIT),
        FILE_TRACKING_EVALUATION(ActorRole.SUPERVISING_BODY, ActorRole.SUPERVISOR),
        EVALUATE(ActorRole.SUPERVISOR, ActorRole.SUPERVISING_BODY),
        ACCOUNTABILITY(ActorRole.SUPERVISOR),
        SWEEP(ActorRole.SYSTEM, ActorRole.SUPERVISOR);

        private final Set<ActorRole> allowed;

        Action(ActorRole first, ActorRole... more) {
            this.allowed = EnumSet.of(first, more);
        }

        public boolean allows(ActorRole role) {
            return role != null && allowed.contains(role);
        }
    }

    private Permissions() {}

    /** 403 ROLE_NOT_ALLOWED unless {@code role} may perform {@code action}. */
    public static void require(ActorRole role, Action action) {
        if (!action.allows(role)) {
            throw Refusal.forbidden(
                    "ROLE_NOT_ALLOWED",
                    "role " + role + " may not " + action.name().toLowerCase().replace('_', ' '));
        }
    }
}
