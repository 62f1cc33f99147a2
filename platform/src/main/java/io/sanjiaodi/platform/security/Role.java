package io.sanjiaodi.platform.security;

/** The values of the token's {@code roles} claim (the security contract: README, Security). */
public enum Role {
    /** commission leadership: lead interviewers */
    LEADERSHIP,
    /** supervision office staff: prepare lists, verify, evaluate, accountability */
    SUPERVISION_OFFICE,
    /** stationed supervision group or township committee: supervises named units */
    SUPERVISING_BODY,
    /** the interviewee, leader of a unit */
    UNIT_LEADER,
    /** staff of a unit */
    UNIT_STAFF,
    /** read-only: history, audit trail, verification */
    AUDITOR,
    /** templates, people registry, settings, dead letters */
    ADMIN;

    public boolean isUnitRole() {
        return this == UNIT_LEADER || this == UNIT_STAFF;
    }

    /** Spring Security authority name of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
