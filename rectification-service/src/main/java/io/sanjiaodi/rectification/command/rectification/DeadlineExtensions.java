package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.RectificationRules.orEmpty;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sanjiaodi.contracts.rectification.DeadlineExtensionApproved;
import io.sanjiaodi.contracts.rectification.DeadlineExtensionRejected;
import io.sanjiaodi.contracts.rectification.DeadlineExtensionRequested;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.command.rectification.Permissions.Action;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * A task's deadline extensions (延期): asked by the unit, later than the current deadline, one at a
 * time; approved or rejected by a supervisor; the original deadline stays on record. An entity of
 * its {@link Task}, sharing what the task remembers ({@link TaskState}), so the deadline the other
 * task rules see is the one the last approval set.
 */
final class DeadlineExtensions {

    private final Task task;
    private final TaskState state;

    DeadlineExtensions(Task task, TaskState state) {
        this.task = task;
        this.state = state;
    }

    @CommandHandler
    void handle(RequestDeadlineExtension c) {
        Permissions.require(c.actor(), Action.REQUEST_EXTENSION);
        task.requirePlanned();
        if (state.extensionPending()) {
            throw Refusal.conflict("EXTENSION_PENDING", "an extension of task " + task.taskId() + " awaits a decision");
        }
        RectificationRules.requireDeadlineAfterTalk(
                c.requestedDeadline(), task.ledger().conductedOn());
        if (!c.requestedDeadline().isAfter(state.deadline)) {
            throw Refusal.unprocessable(
                    "EXTENSION_NOT_LATER",
                    "the requested deadline " + c.requestedDeadline() + " is not after the deadline " + state.deadline);
        }
        apply(new DeadlineExtensionRequested(
                task.ledger().ledgerId(),
                task.taskId(),
                task.ledger().unitId(),
                task.ledger().jurisdictionId(),
                state.deadline,
                c.requestedDeadline(),
                c.reason(),
                c.actor().name()));
    }

    @CommandHandler
    void handle(ApproveDeadlineExtension c) {
        Permissions.require(c.actor(), Action.DECIDE_EXTENSION);
        requirePending();
        apply(new DeadlineExtensionApproved(
                task.ledger().ledgerId(),
                task.taskId(),
                task.ledger().unitId(),
                task.ledger().jurisdictionId(),
                state.originalDeadline,
                state.deadline,
                state.requestedDeadline,
                orEmpty(c.comment()),
                c.actor().name()));
    }

    @CommandHandler
    void handle(RejectDeadlineExtension c) {
        Permissions.require(c.actor(), Action.DECIDE_EXTENSION);
        requirePending();
        apply(new DeadlineExtensionRejected(
                task.ledger().ledgerId(),
                task.taskId(),
                task.ledger().unitId(),
                task.ledger().jurisdictionId(),
                state.requestedDeadline,
                state.deadline,
                c.reason(),
                c.actor().name()));
    }

    private void requirePending() {
        task.requireChangeable();
        if (!state.extensionPending()) {
            throw Refusal.conflict(
                    "NO_PENDING_EXTENSION", "no extension of task " + task.taskId() + " awaits a decision");
        }
    }

    @EventSourcingHandler
    void on(DeadlineExtensionRequested e) {
        state.requestedDeadline = e.requestedDeadline();
    }

    /** A new deadline is a new chance: the task may become overdue again against it. */
    @EventSourcingHandler
    void on(DeadlineExtensionApproved e) {
        state.deadline = e.newDeadline();
        state.requestedDeadline = null;
        state.overdue = false;
    }

    @EventSourcingHandler
    void on(DeadlineExtensionRejected e) {
        state.requestedDeadline = null;
    }
}
