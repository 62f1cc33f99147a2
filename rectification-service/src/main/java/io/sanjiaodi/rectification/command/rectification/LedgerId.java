package io.sanjiaodi.rectification.command.rectification;

import java.util.Objects;

/**
 * Identifies a rectification ledger. Derived from the interview id: one interview has exactly one
 * ledger, and a redelivered {@code InterviewConducted} names the same ledger and opens nothing new.
 */
public record LedgerId(String value) {

    public LedgerId {
        Objects.requireNonNull(value, "ledger id");
    }

    public static LedgerId forInterview(String interviewId) {
        return new LedgerId("ledger-" + interviewId);
    }

    @Override
    public String toString() {
        return value;
    }
}
