package io.sanjiaodi.rectification.command.rectification;

import io.sanjiaodi.platform.Refusal;
import java.time.LocalDate;

/** Checks of the {@link Rectification} aggregate that refuse a command outright (nothing recorded). */
final class RectificationRules {

    private RectificationRules() {
    }

    static void requireText(String value, String code, String what) {
        if (value == null || value.isBlank()) {
            throw Refusal.unprocessable(code, what + " is required");
        }
    }

    /** A deadline on or after the talk; ledgers opened before the talk date was recorded skip the check. */
    static void requireDeadlineAfterTalk(LocalDate deadline, LocalDate conductedOn) {
        if (deadline == null) {
            throw Refusal.unprocessable("DEADLINE_REQUIRED", "a deadline is required");
        }
        if (conductedOn != null && deadline.isBefore(conductedOn)) {
            throw Refusal.unprocessable("DEADLINE_BEFORE_TALK",
                    "the deadline " + deadline + " is before the talk on " + conductedOn);
        }
    }

    /**
     * 登记备案号 of the written report. Derived from the ledger's own identity (one report per
     * interview), so two instances can never hand out the same number and no counter is needed.
     */
    static String registrationNumber(LocalDate talk, String jurisdictionId, String interviewId) {
        return "WR-" + talk.getYear() + "-" + jurisdictionId + "-" + interviewId;
    }
}
