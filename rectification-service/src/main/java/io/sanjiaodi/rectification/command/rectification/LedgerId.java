package io.sanjiaodi.rectification.command.rectification;

import io.sanjiaodi.platform.Ids;

/**
 * Identifies a rectification ledger. Derived from the interview id: one interview has exactly one
 * ledger, and a redelivered {@code InterviewConducted} names the same ledger and opens nothing new.
 * Checks its own format, so an id taken from a URL needs no further check: a malformed one never
 * becomes a ledger id (the web layer answers 400 VALIDATION_FAILED naming the parameter).
 */
public record LedgerId(String value) {

    /** {@code ledger-<interviewId>}, interview ids being at most 64 characters, with room to spare */
    static final int MAX_LENGTH = 160;

    public LedgerId {
        Ids.requireWellFormed(value, "ledger id", MAX_LENGTH);
    }

    public static LedgerId forInterview(String interviewId) {
        return new LedgerId("ledger-" + interviewId);
    }

    @Override
    public String toString() {
        return value;
    }
}
