package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.RectificationRules.orEmpty;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sanjiaodi.contracts.rectification.RectificationOpened.TaskKind;
import io.sanjiaodi.contracts.rectification.SubTaskCompleted;
import io.sanjiaodi.contracts.rectification.TaskBecameOverdue;
import io.sanjiaodi.contracts.rectification.TaskCascaded;
import io.sanjiaodi.contracts.rectification.TaskClosureRefused;
import io.sanjiaodi.contracts.rectification.TaskPlanRevised;
import io.sanjiaodi.contracts.rectification.TaskPlanned;
import io.sanjiaodi.contracts.rectification.TaskVerificationFailed;
import io.sanjiaodi.contracts.rectification.TaskVerified;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.settings.Limits;
import io.sanjiaodi.rectification.command.rectification.Permissions.Action;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.EntityId;

/**
 * One task on the ledger — a list item to rectify, prevent or report on — with its plan, deadline,
 * extensions, sub-tasks and verification. Commands reach it by their {@code taskId}, and its events
 * reach only it. What a task rule needs of the ledger as a whole (its identity, the talk date,
 * whether it is closed) it asks the ledger it is on: no I/O, nothing but the ledger's own state.
 */
class Task {

    @EntityId
    private final String taskId;

    private final TaskState state;
    /** The ledger this task is on. Not part of the task's state: equals leaves it out. */
    private final Rectification ledger;
    /** Its deadline extensions, an entity of its own that shares the task's state. */
    @AggregateMember
    private final DeadlineExtensions extensions;

    Task(String taskId, TaskKind kind, Rectification ledger) {
        this.taskId = taskId;
        this.state = new TaskState(kind);
        this.ledger = ledger;
        this.extensions = new DeadlineExtensions(this, state);
    }

    // ---- plan and revisions

    @CommandHandler
    void handle(PlanTask c) {
        Permissions.require(c.actor(), Action.PLAN);
        requireChangeable();
        if (state.planned) {
            throw Refusal.conflict("TASK_ALREADY_PLANNED", "task " + taskId + " has a plan; revise it instead");
        }
        RectificationRules.requireDeadlineAfterTalk(c.deadline(), ledger.conductedOn());
        apply(new TaskPlanned(
                ledger.ledgerId(),
                taskId,
                ledger.unitId(),
                ledger.jurisdictionId(),
                c.responsibleLeader(),
                c.responsibleDepartment(),
                c.deadline(),
                c.measures(),
                c.actor().name()));
    }

    @CommandHandler
    void handle(RevisePlan c) {
        Permissions.require(c.actor(), Action.PLAN);
        requirePlanned();
        apply(new TaskPlanRevised(
                ledger.ledgerId(),
                taskId,
                ledger.unitId(),
                ledger.jurisdictionId(),
                state.revisions + 1,
                c.responsibleLeader(),
                c.responsibleDepartment(),
                c.measures(),
                c.reason(),
                c.actor().name()));
    }

    // ---- cascade to subordinate units

    /** Limits as a resource, like the ledger's handlers (see {@link Rectification}). */
    @CommandHandler
    void handle(CascadeTask c, Limits limits) {
        Permissions.require(c.actor(), Action.CASCADE);
        requirePlanned();
        state.subTasks.requireRoom(taskId, c.subTasks(), limits.subTasksPerTask());
        apply(new TaskCascaded(
                ledger.ledgerId(),
                taskId,
                ledger.unitId(),
                ledger.jurisdictionId(),
                state.subTasks.cascade(taskId, c.subTasks(), ledger.conductedOn(), state.deadline),
                c.actor().name()));
    }

    @CommandHandler
    void handle(CompleteSubTask c) {
        Permissions.require(c.actor(), Action.COMPLETE_SUB_TASK);
        requireChangeable();
        state.subTasks.requireOpen(taskId, c.subTaskId());
        String owner = c.subTaskId().substring(taskId.length() + 1);
        apply(new SubTaskCompleted(
                ledger.ledgerId(),
                taskId,
                c.subTaskId(),
                owner,
                ledger.unitId(),
                ledger.jurisdictionId(),
                c.on(),
                orEmpty(c.note()),
                c.actor().name()));
    }

    // ---- verification-only closing (对账销号)

    /** A unit closing its own task is refused and the attempt recorded; other roles are refused outright. */
    @CommandHandler
    Optional<Refusal> handle(VerifyTask c) {
        if (c.actor() == ActorRole.UNIT) {
            String reason = "a unit can never close its own tasks; only a supervisor verifies against the list";
            apply(new TaskClosureRefused(
                    ledger.ledgerId(),
                    taskId,
                    ledger.unitId(),
                    ledger.jurisdictionId(),
                    "UNIT_CANNOT_CLOSE_OWN_TASK",
                    reason,
                    c.on(),
                    c.actor().name()));
            return Optional.of(Refusal.forbidden("UNIT_CANNOT_CLOSE_OWN_TASK", reason));
        }
        Permissions.require(c.actor(), Action.VERIFY);
        ledger.requireOpen();
        if (state.verified) {
            throw Refusal.conflict("TASK_ALREADY_VERIFIED", "task " + taskId + " is verified already");
        }
        if (!state.planned) {
            throw Refusal.conflict("TASK_NOT_PLANNED", "task " + taskId + " has no plan yet");
        }
        long open = state.subTasks.open();
        if (open > 0) {
            throw Refusal.unprocessable("SUB_TASKS_OPEN", open + " sub-task(s) of " + taskId + " are not done");
        }
        apply(new TaskVerified(
                ledger.ledgerId(),
                taskId,
                ledger.unitId(),
                ledger.jurisdictionId(),
                c.on(),
                orEmpty(c.comment()),
                c.actor().name()));
        // applied above, so this task already counts as verified when the ledger looks at all of them
        ledger.closeIfComplete(c.on());
        return Optional.empty();
    }

    @CommandHandler
    void handle(FailVerification c) {
        Permissions.require(c.actor(), Action.VERIFY);
        ledger.requireOpen();
        apply(new TaskVerificationFailed(
                ledger.ledgerId(),
                taskId,
                ledger.unitId(),
                ledger.jurisdictionId(),
                c.on(),
                c.reason(),
                state.verified,
                c.actor().name()));
    }

    /** Sent by the sweeper; idempotent, never an error for "nothing to do". @return whether marked now */
    @CommandHandler
    boolean handle(MarkTaskOverdue c) {
        if (ledger.closed()
                || state.verified
                || state.overdue
                || state.deadline == null
                || !c.today().isAfter(state.deadline)) {
            return false;
        }
        apply(new TaskBecameOverdue(
                ledger.ledgerId(), taskId, ledger.unitId(), ledger.jurisdictionId(), state.deadline, c.today()));
        return true;
    }

    // ---- what the ledger asks of its tasks

    /** The task can still change: the ledger is open and the task not crossed off. */
    void requireChangeable() {
        ledger.requireOpen();
        if (state.verified) {
            throw Refusal.conflict("TASK_ALREADY_VERIFIED", "task " + taskId + " is verified and crossed off");
        }
    }

    String taskId() {
        return taskId;
    }

    Rectification ledger() {
        return ledger;
    }

    boolean verified() {
        return state.verified;
    }

    /** Poor implementation that can ground an accountability case. */
    boolean poorlyImplemented() {
        return state.poorlyImplemented();
    }

    /**
     * Called from the ledger's handler of StageEvaluationRecorded: that event rates several tasks
     * and names none as its {@code taskId}, so it is not forwarded to the tasks themselves.
     */
    void ratedNotRectified() {
        state.ratedNotRectified = true;
    }

    void requirePlanned() {
        requireChangeable();
        if (!state.planned) {
            throw Refusal.conflict("TASK_NOT_PLANNED", "task " + taskId + " has no plan yet");
        }
    }

    // ---- state (only this task's events arrive here)

    @EventSourcingHandler
    void on(TaskPlanned e) {
        state.planned = true;
        state.deadline = e.deadline();
        state.originalDeadline = e.deadline();
    }

    @EventSourcingHandler
    void on(TaskPlanRevised e) {
        state.revisions = e.revision();
    }

    @EventSourcingHandler
    void on(TaskCascaded e) {
        e.subTasks().forEach(s -> state.subTasks.added(s.subTaskId()));
    }

    @EventSourcingHandler
    void on(SubTaskCompleted e) {
        state.subTasks.completed(e.subTaskId());
    }

    @EventSourcingHandler
    void on(TaskVerified e) {
        state.verified = true;
    }

    @EventSourcingHandler
    void on(TaskVerificationFailed e) {
        state.verified = false;
        state.everFailedOrOverdue = true;
    }

    @EventSourcingHandler
    void on(TaskBecameOverdue e) {
        state.overdue = true;
        state.everFailedOrOverdue = true;
    }

    /** Value equality of what the task remembers, so the test fixture can compare sourced and handled state. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Task t && taskId.equals(t.taskId) && state.equals(t.state);
    }

    @Override
    public int hashCode() {
        return taskId.hashCode();
    }
}
