package io.sanjiaodi.contracts.rectification;

/**
 * Where a rectification task stands, in the one vocabulary every read model uses. A failed check
 * (TaskVerificationFailed) puts a task back to {@link #PLANNED}: its plan is still on record.
 */
public enum TaskStatus {
    /** handed over with the lists; the unit has not planned it yet */
    OPEN,
    /** a plan (measures, responsible leader, deadline) is on record; not verified */
    PLANNED,
    /** a supervisor verified it against the list (对账销号) */
    VERIFIED;

    /** The status after a plan is recorded or revised: a verified task stays verified. */
    public TaskStatus planned() {
        return this == VERIFIED ? VERIFIED : PLANNED;
    }
}
