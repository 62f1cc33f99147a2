package io.sanjiaodi.rectification.command.rectification;

import io.sanjiaodi.contracts.rectification.RectificationOpened.TaskKind;
import java.time.LocalDate;
import java.util.Objects;

/** What a {@link Task} remembers to decide the next command; set only from its events. */
final class TaskState {

    final TaskKind kind;
    boolean planned;
    int revisions;
    LocalDate deadline;
    LocalDate originalDeadline;
    LocalDate requestedDeadline;
    boolean verified;
    boolean overdue;
    boolean everFailedOrOverdue;
    boolean ratedNotRectified;
    final SubTasks subTasks = new SubTasks();

    TaskState(TaskKind kind) {
        this.kind = kind;
    }

    boolean extensionPending() {
        return requestedDeadline != null;
    }

    /** Poor implementation that can ground an accountability case. */
    boolean poorlyImplemented() {
        return everFailedOrOverdue || ratedNotRectified;
    }

    /** Value equality, so the test fixture can check that sourcing the events rebuilds the same state. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TaskState t
                && kind == t.kind
                && planned == t.planned
                && revisions == t.revisions
                && Objects.equals(deadline, t.deadline)
                && Objects.equals(originalDeadline, t.originalDeadline)
                && Objects.equals(requestedDeadline, t.requestedDeadline)
                && verified == t.verified
                && overdue == t.overdue
                && everFailedOrOverdue == t.everFailedOrOverdue
                && ratedNotRectified == t.ratedNotRectified
                && subTasks.equals(t.subTasks);
    }

    @Override
    public int hashCode() {
        return kind.hashCode();
    }
}
