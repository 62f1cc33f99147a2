package io.sanjiaodi.rectification.query.ledgers;

import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.rectification.query.ledgers.LedgerView.*;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link LedgerView} up to date. Every change is guarded by the aggregate sequence number, so
 * an event handled twice (after a crash before the token was stored) changes nothing.
 */
@Component
@ProcessingGroup("ledgers")
public class LedgerProjection {

    private final MongoTemplate mongo;

    public LedgerProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    public void on(RectificationOpened e, @SequenceNumber long seq, @Timestamp Instant at) {
        change(e.ledgerId(), seq, at, "RectificationOpened", null, null, v -> {
            v.interviewId = e.interviewId();
            v.unitId = e.unitId();
            v.unitName = e.unitName();
            v.jurisdictionId = e.jurisdictionId();
            v.status = "OPEN";
            v.openedAt = at;
            v.conductedOn = e.conductedOn();
            v.planDueOn = e.planDueOn();
            v.writtenReport.dueOn = e.writtenReportDueOn();
            v.tasks = new ArrayList<>();
            e.tasks().forEach(t -> {
                TaskView task = new TaskView();
                task.taskId = t.taskId();
                task.kind = t.kind();
                task.sourceItemId = t.sourceItemId();
                task.aspect = t.aspect();
                task.text = t.text();
                v.tasks.add(task);
            });
        });
    }

    @EventHandler
    public void on(TaskPlanned e, @SequenceNumber long seq, @Timestamp Instant at) {
        task(e.ledgerId(), e.taskId(), seq, at, "TaskPlanned", e.actorRole(), t -> {
            t.responsibleLeader = e.responsibleLeader();
            t.responsibleDepartment = e.responsibleDepartment();
            t.measures = e.measures();
            t.deadline = e.deadline();
            t.originalDeadline = e.deadline();
        });
    }

    @EventHandler
    public void on(TaskPlanRevised e, @SequenceNumber long seq, @Timestamp Instant at) {
        task(e.ledgerId(), e.taskId(), seq, at, "TaskPlanRevised", e.actorRole(), t -> {
            t.responsibleLeader = e.responsibleLeader();
            t.responsibleDepartment = e.responsibleDepartment();
            t.measures = e.measures();
            t.planRevisions = e.revision();
        });
    }

    @EventHandler
    public void on(DeadlineExtensionRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        task(e.ledgerId(), e.taskId(), seq, at, "DeadlineExtensionRequested", e.actorRole(),
                t -> t.pendingExtension = new Extension(e.requestedDeadline(), e.reason(), "PENDING", null));
    }

    @EventHandler
    public void on(DeadlineExtensionApproved e, @SequenceNumber long seq, @Timestamp Instant at) {
        task(e.ledgerId(), e.taskId(), seq, at, "DeadlineExtensionApproved", e.actorRole(), t -> {
            t.extensions.add(new Extension(e.newDeadline(), reason(t), "APPROVED", e.comment()));
            t.pendingExtension = null;
            t.originalDeadline = e.originalDeadline();
            t.deadline = e.newDeadline();
            t.overdue = false;
        });
    }

    @EventHandler
    public void on(DeadlineExtensionRejected e, @SequenceNumber long seq, @Timestamp Instant at) {
        task(e.ledgerId(), e.taskId(), seq, at, "DeadlineExtensionRejected", e.actorRole(), t -> {
            t.extensions.add(new Extension(e.requestedDeadline(), reason(t), "REJECTED", e.reason()));
            t.pendingExtension = null;
        });
    }

    @EventHandler
    public void on(TaskCascaded e, @SequenceNumber long seq, @Timestamp Instant at) {
        task(e.ledgerId(), e.taskId(), seq, at, "TaskCascaded", e.actorRole(), t -> e.subTasks().forEach(s -> {
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
        task(e.ledgerId(), e.taskId(), seq, at, "SubTaskCompleted", e.actorRole(), t -> t.subTasks.stream()
                .filter(s -> s.subTaskId.equals(e.subTaskId())).forEach(s -> {
                    s.done = true;
                    s.completedOn = e.completedOn();
                    s.note = e.note();
                }));
    }

    @EventHandler
    public void on(ProgressReported e, @SequenceNumber long seq, @Timestamp Instant at) {
        task(e.ledgerId(), e.taskId(), seq, at, "ProgressReported", e.actorRole(),
                t -> t.progressReports.add(new Progress(e.reportId(), e.reportedOn(), e.text())));
    }

    @EventHandler
    public void on(EvidenceAttached e, @SequenceNumber long seq, @Timestamp Instant at) {
        change(e.ledgerId(), seq, at, "EvidenceAttached", e.actorRole(), e.taskId(), v -> v.evidence.add(
                new Evidence(e.evidenceId(), e.taskId(), e.fileName(), e.contentType(), e.size(), e.sha256(),
                        e.attachedOn())));
    }

    @EventHandler
    public void on(RegulationRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        change(e.ledgerId(), seq, at, "RegulationRecorded", e.actorRole(), null, v -> v.regulations.add(
                new Regulation(e.regulationId(), e.title(), e.action(), e.issuedOn(), e.taskIds())));
    }

    @EventHandler
    public void on(TaskVerified e, @SequenceNumber long seq, @Timestamp Instant at) {
        task(e.ledgerId(), e.taskId(), seq, at, "TaskVerified", e.actorRole(), t -> {
            t.status = "VERIFIED";
            t.verifiedOn = e.verifiedOn();
        });
    }

    @EventHandler
    public void on(TaskVerificationFailed e, @SequenceNumber long seq, @Timestamp Instant at) {
        task(e.ledgerId(), e.taskId(), seq, at, "TaskVerificationFailed", e.actorRole(), t -> {
            t.status = "OPEN";
            t.verifiedOn = null;
            t.lastFailedCheck = e.reason();
        });
    }

    @EventHandler
    public void on(TaskClosureRefused e, @SequenceNumber long seq, @Timestamp Instant at) {
        task(e.ledgerId(), e.taskId(), seq, at, "TaskClosureRefused", e.actorRole(), t -> {
        });
    }

    @EventHandler
    public void on(TaskBecameOverdue e, @SequenceNumber long seq, @Timestamp Instant at) {
        task(e.ledgerId(), e.taskId(), seq, at, "TaskBecameOverdue", "SYSTEM", t -> {
            t.overdue = true;
            t.overdueSince = e.detectedOn();
        });
    }

    @EventHandler
    public void on(WrittenReportFiled e, @SequenceNumber long seq, @Timestamp Instant at) {
        change(e.ledgerId(), seq, at, "WrittenReportFiled", e.actorRole(), null, v -> {
            v.writtenReport.registrationNumber = e.registrationNumber();
            v.writtenReport.title = e.title();
            v.writtenReport.filedOn = e.filedOn();
            v.writtenReport.late = e.late();
        });
    }

    @EventHandler
    public void on(WrittenReportBecameOverdue e, @SequenceNumber long seq, @Timestamp Instant at) {
        change(e.ledgerId(), seq, at, "WrittenReportBecameOverdue", "SYSTEM", null, v -> {
            v.writtenReport.overdue = true;
            v.writtenReport.overdueSince = e.detectedOn();
        });
    }

    @EventHandler
    public void on(TrackingEvaluationFiled e, @SequenceNumber long seq, @Timestamp Instant at) {
        change(e.ledgerId(), seq, at, "TrackingEvaluationFiled", e.actorRole(), null,
                v -> v.trackingEvaluation = new TrackingEvaluation(e.supervisingBody(), e.summary(), e.filedOn()));
    }

    @EventHandler
    public void on(StageEvaluationRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        change(e.ledgerId(), seq, at, "StageEvaluationRecorded", e.actorRole(), null, v -> {
            v.stageEvaluations.add(new StageEvaluation(e.evaluationId(), e.evaluatedOn(), e.results()));
            e.results().forEach(r -> {
                TaskView t = v.task(r.taskId());
                if (t != null) {
                    t.latestRating = r;
                }
            });
        });
    }

    @EventHandler
    public void on(AccountabilityCaseOpened e, @SequenceNumber long seq, @Timestamp Instant at) {
        change(e.ledgerId(), seq, at, "AccountabilityCaseOpened", e.actorRole(), null, v -> {
            AccountabilityCase c = new AccountabilityCase();
            c.caseId = e.caseId();
            c.taskIds = e.taskIds();
            c.evidenceIds = e.evidenceIds();
            c.grounds = e.grounds();
            c.openedOn = e.openedOn();
            v.accountabilityCases.add(c);
        });
    }

    @EventHandler
    public void on(AccountabilityCaseConcluded e, @SequenceNumber long seq, @Timestamp Instant at) {
        change(e.ledgerId(), seq, at, "AccountabilityCaseConcluded", e.actorRole(), null, v -> v.accountabilityCases
                .stream().filter(c -> c.caseId.equals(e.caseId())).forEach(c -> {
                    c.outcome = e.outcome();
                    c.concludedOn = e.concludedOn();
                }));
    }

    @EventHandler
    public void on(RectificationClosed e, @SequenceNumber long seq, @Timestamp Instant at) {
        change(e.ledgerId(), seq, at, "RectificationClosed", "SYSTEM", null, v -> {
            v.status = "CLOSED";
            v.closedOn = e.closedOn();
        });
    }

    @ResetHandler
    public void reset() {
        mongo.dropCollection(LedgerView.class);
    }

    private static String reason(TaskView t) {
        return t.pendingExtension == null ? null : t.pendingExtension.reason();
    }

    private void task(String ledgerId, String taskId, long seq, Instant at, String type, String actor,
                      Consumer<TaskView> change) {
        change(ledgerId, seq, at, type, actor, taskId, v -> {
            TaskView task = v.task(taskId);
            if (task != null) {
                change.accept(task);
            }
        });
    }

    private void change(String ledgerId, long seq, Instant at, String type, String actor, String taskId,
                        Consumer<LedgerView> change) {
        LedgerView view = mongo.findById(ledgerId, LedgerView.class);
        if (view == null) {
            view = new LedgerView();
            view.ledgerId = ledgerId;
        }
        if (view.lastSequence >= seq) {
            return;
        }
        change.accept(view);
        if (view.history == null) {
            view.history = new ArrayList<>(List.of());
        }
        view.history.add(new HistoryEntry(seq, type, at, actor, taskId));
        view.lastSequence = seq;
        mongo.save(view);
    }
}
