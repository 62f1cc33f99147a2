package io.sanjiaodi.rectification.command.rectification;

import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.rectification.RectificationOpened.Task;
import io.sanjiaodi.contracts.rectification.RectificationOpened.TaskKind;
import io.sanjiaodi.platform.Refusal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Rules of the {@link Rectification} ledger that need none of its state; its checks refuse outright. */
final class RectificationRules {

    private RectificationRules() {}

    /** A text a command cannot do without; checked when the command is made. */
    static void requireText(String value, String code, String what) {
        if (value == null || value.isBlank()) {
            throw Refusal.unprocessable(code, what + " is required");
        }
    }

    /** Optional texts are recorded as "" rather than null. */
    static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** A deadline on or after the talk; ledgers opened before the talk date was recorded skip the check. */
    static void requireDeadlineAfterTalk(LocalDate deadline, LocalDate conductedOn) {
        if (deadline == null) {
            throw Refusal.unprocessable("DEADLINE_REQUIRED", "a deadline is required");
        }
        if (conductedOn != null && deadline.isBefore(conductedOn)) {
            throw Refusal.unprocessable(
                    "DEADLINE_BEFORE_TALK", "the deadline " + deadline + " is before the talk on " + conductedOn);
        }
    }

    /**
     * 登记备案号 of the written report. Derived from the ledger's own identity (one report per
     * interview), so two instances can never hand out the same number and no counter is needed.
     */
    static String registrationNumber(LocalDate talk, String jurisdictionId, String interviewId) {
        return "WR-" + talk.getYear() + "-" + jurisdictionId + "-" + interviewId;
    }

    /** Problems are rectified, risks prevented, duties reported on (docs/domain.md §1). */
    static List<Task> tasksFor(FrozenLists lists) {
        List<Task> tasks = new ArrayList<>();
        lists.problems()
                .forEach(p -> tasks.add(new Task(
                        "task-" + p.itemId(),
                        TaskKind.PROBLEM_RECTIFICATION,
                        p.itemId(),
                        p.aspect(),
                        p.description())));
        lists.risks()
                .forEach(r -> tasks.add(new Task(
                        "task-" + r.itemId(),
                        TaskKind.RISK_PREVENTION,
                        r.itemId(),
                        r.businessArea(),
                        r.description())));
        lists.responsibilities()
                .forEach(d -> tasks.add(new Task("task-" + d.itemId(), TaskKind.DUTY, d.itemId(), null, d.text())));
        return tasks;
    }
}
