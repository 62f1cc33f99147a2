package io.sanjiaodi.rectification.command.rectification;

/**
 * Who acts on a ledger. The web layer maps the token's role onto it ({@code web.Actors}); the rules
 * stay in {@link Permissions}.
 */
public enum ActorRole {
    /** supervision office staff of the commission: verify, evaluate, decide extensions, accountability */
    SUPERVISOR,
    /** stationed supervision group or township discipline committee: tracking evaluation */
    SUPERVISING_BODY,
    /** the interviewee's unit: plan, progress, evidence, regulations, written report — its own ledger only */
    UNIT,
    /** the service itself (the deadline sweeper) */
    SYSTEM
}
