package io.sanjiaodi.rectification.query.ledgers;

import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.rectification.query.ledgers.LedgerView.Extension;
import io.sanjiaodi.rectification.query.ledgers.LedgerView.Progress;
import io.sanjiaodi.rectification.query.ledgers.LedgerView.SubTaskView;
import io.sanjiaodi.rectification.query.ledgers.LedgerView.TaskView;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * The task half of the ledgers projection: what happens to one task of a {@link LedgerView} — its
 * plan, deadline and extensions, sub-tasks, progress, verification and overdue mark. Its status
 * is contracts' {@link TaskStatus}: OPEN until planned, PLANNED, VERIFIED, and PLANNED again after
 * a failed check (the plan is still on record). Same processing group as {@link LedgerProjection},
 * so one processor applies a ledger's events in order.
 */
@Component
@ProcessingGroup("ledgers")
public class TaskProjection {

    private final LedgerViews views;

    public TaskProjection(LedgerViews views) {
        this.views = views.handledBy(this);
    }

    @EventHandler
    public void on(TaskPlanned e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.changeTask(e.ledgerId(), e.taskId(), seq, at, "TaskPlanned", e.actorRole(), t -> {
            plan(t, e.responsibleLeader(), e.responsibleDepartment(), e.measures());
            t.deadline = e.deadline();
            t.originalDeadline = e.deadline();
        });
    }

    @EventHandler
    public void on(TaskPlanRevised e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.changeTask(e.ledgerId(), e.taskId(), seq, at, "TaskPlanRevised", e.actorRole(), t -> {
            plan(t, e.responsibleLeader(), e.responsibleDepartment(), e.measures());
            t.planRevisions = e.revision();
        });
    }

    @EventHandler
    public void on(DeadlineExtensionRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.changeTask(
                e.ledgerId(),
                e.taskId(),
                seq,
                at,
                "DeadlineExtensionRequested",
                e.actorRole(),
                t -> t.pendingExtension = new Extension(e.requestedDeadline(), e.reason(), "PENDING", null));
    }

    @EventHandler
    public void on(DeadlineExtensionApproved e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.changeTask(e.ledgerId(), e.taskId(), seq, at, "DeadlineExtensionApproved", e.actorRole(), t -> {
            t.extensions.add(new Extension(e.newDeadline(), pendingReason(t), "APPROVED", e.comment()));
            t.pendingExtension = null;
            t.originalDeadline = e.originalDeadline();
            t.deadline = e.newDeadline();
            t.overdue = false;
        });
    }

    @EventHandler
    public void on(DeadlineExtensionRejected e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.changeTask(e.ledgerId(), e.taskId(), seq, at, "DeadlineExtensionRejected", e.actorRole(), t -> {
            t.extensions.add(new Extension(e.requestedDeadline(), pendingReason(t), "REJECTED", e.reason()));
            t.pendingExtension = null;
        });
    }

    @EventHandler
    public void on(TaskCascaded e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.changeTask(
                e.ledgerId(),
                e.taskId(),
                seq,
                at,
                "TaskCascaded",
                e.actorRole(),
                t -> e.subTasks().forEach(s -> {
                    SubTaskView sub = new SubTaskView();
                    sub.subTaskId = s.subTaskId();
                    sub.ownerUnitId = s.ownerUnitId();
                    sub.ownerUnitName = s.ownerUnitName();
                    sub.deadline = s.deadline();
                    t.subTasks.add(sub);
                }));
    }

    @EventHandler
    public void on(SubTaskCompleted e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.changeTask(
                e.ledgerId(),
                e.taskId(),
                seq,
                at,
                "SubTaskCompleted",
                e.actorRole(),
                t -> t.subTasks.stream()
                        .filter(s -> s.subTaskId.equals(e.subTaskId()))
                        .forEach(s -> {
                            s.done = true;
                            s.completedOn = e.completedOn();
                            s.note = e.note();
                        }));
    }

    @EventHandler
    public void on(ProgressReported e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.changeTask(
                e.ledgerId(),
                e.taskId(),
                seq,
                at,
                "ProgressReported",
                e.actorRole(),
                t -> t.progressReports.add(new Progress(e.reportId(), e.reportedOn(), e.text())));
    }

    @EventHandler
    public void on(TaskVerified e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.changeTask(e.ledgerId(), e.taskId(), seq, at, "TaskVerified", e.actorRole(), t -> {
            t.status = TaskStatus.VERIFIED;
            t.verifiedOn = e.verifiedOn();
        });
    }

    /** Back to PLANNED, not OPEN: the plan is still on record, as supervision shows it too. */
    @EventHandler
    public void on(TaskVerificationFailed e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.changeTask(e.ledgerId(), e.taskId(), seq, at, "TaskVerificationFailed", e.actorRole(), t -> {
            t.status = TaskStatus.PLANNED;
            t.verifiedOn = null;
            t.lastFailedCheck = e.reason();
        });
    }

    /** Changes nothing on the task; the attempt belongs in the history. */
    @EventHandler
    public void on(TaskClosureRefused e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.changeTask(e.ledgerId(), e.taskId(), seq, at, "TaskClosureRefused", e.actorRole(), t -> {});
    }

    @EventHandler
    public void on(TaskBecameOverdue e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.changeTask(e.ledgerId(), e.taskId(), seq, at, "TaskBecameOverdue", "SYSTEM", t -> {
            t.overdue = true;
            t.overdueSince = e.detectedOn();
        });
    }

    private static String pendingReason(TaskView t) {
        return t.pendingExtension == null ? null : t.pendingExtension.reason();
    }

    /** A plan or its revision names the owner and measures; a verified task stays verified. */
    private static void plan(TaskView t, String responsibleLeader, String responsibleDepartment, String measures) {
        t.responsibleLeader = responsibleLeader;
        t.responsibleDepartment = responsibleDepartment;
        t.measures = measures;
        t.status = t.status.planned();
    }
}
