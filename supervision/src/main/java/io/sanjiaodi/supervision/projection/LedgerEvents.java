package io.sanjiaodi.supervision.projection;

import io.sanjiaodi.contracts.rectification.AccountabilityCaseConcluded;
import io.sanjiaodi.contracts.rectification.AccountabilityCaseOpened;
import io.sanjiaodi.contracts.rectification.DeadlineExtensionApproved;
import io.sanjiaodi.contracts.rectification.EvidenceAttached;
import io.sanjiaodi.contracts.rectification.ProgressReported;
import io.sanjiaodi.contracts.rectification.RectificationClosed;
import io.sanjiaodi.contracts.rectification.RectificationOpened;
import io.sanjiaodi.contracts.rectification.RegulationRecorded;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded;
import io.sanjiaodi.contracts.rectification.SubTaskCompleted;
import io.sanjiaodi.contracts.rectification.TaskBecameOverdue;
import io.sanjiaodi.contracts.rectification.TaskCascaded;
import io.sanjiaodi.contracts.rectification.TaskClosureRefused;
import io.sanjiaodi.contracts.rectification.TaskPlanRevised;
import io.sanjiaodi.contracts.rectification.TaskPlanned;
import io.sanjiaodi.contracts.rectification.TaskStatus;
import io.sanjiaodi.contracts.rectification.TaskVerificationFailed;
import io.sanjiaodi.contracts.rectification.TaskVerified;
import io.sanjiaodi.contracts.rectification.TrackingEvaluationFiled;
import io.sanjiaodi.contracts.rectification.WrittenReportBecameOverdue;
import io.sanjiaodi.contracts.rectification.WrittenReportFiled;
import io.sanjiaodi.supervision.projection.LedgerRecord.Case;
import io.sanjiaodi.supervision.projection.LedgerRecord.Regulation;
import io.sanjiaodi.supervision.projection.LedgerRecord.Step;
import io.sanjiaodi.supervision.projection.LedgerRecord.TaskRecord;
import java.util.ArrayList;

/**
 * How each event of {@code rectification.events} changes a {@link LedgerRecord}, one handler per
 * event. A task event's history step notes its reason or comment where the event has one.
 */
final class LedgerEvents {

    static final EventRoutes<LedgerRecord> ROUTES = new EventRoutes<LedgerRecord>()
            .on(RectificationOpened.class, RectificationOpened::ledgerId, LedgerEvents::on)
            .on(TaskPlanned.class, TaskPlanned::ledgerId, LedgerEvents::on)
            .on(TaskPlanRevised.class, TaskPlanRevised::ledgerId, LedgerEvents::on)
            .on(DeadlineExtensionApproved.class, DeadlineExtensionApproved::ledgerId, LedgerEvents::on)
            .on(TaskCascaded.class, TaskCascaded::ledgerId, LedgerEvents::on)
            .on(SubTaskCompleted.class, SubTaskCompleted::ledgerId, LedgerEvents::on)
            .on(ProgressReported.class, ProgressReported::ledgerId, LedgerEvents::on)
            .on(EvidenceAttached.class, EvidenceAttached::ledgerId, LedgerEvents::on)
            .on(RegulationRecorded.class, RegulationRecorded::ledgerId, LedgerEvents::on)
            .on(TaskVerified.class, TaskVerified::ledgerId, LedgerEvents::on)
            .on(TaskVerificationFailed.class, TaskVerificationFailed::ledgerId, LedgerEvents::on)
            .on(TaskBecameOverdue.class, TaskBecameOverdue::ledgerId, LedgerEvents::on)
            .on(TaskClosureRefused.class, TaskClosureRefused::ledgerId, LedgerEvents::on)
            .on(WrittenReportFiled.class, WrittenReportFiled::ledgerId, LedgerEvents::on)
            .on(WrittenReportBecameOverdue.class, WrittenReportBecameOverdue::ledgerId, LedgerEvents::on)
            .on(TrackingEvaluationFiled.class, TrackingEvaluationFiled::ledgerId, LedgerEvents::on)
            .on(StageEvaluationRecorded.class, StageEvaluationRecorded::ledgerId, LedgerEvents::on)
            .on(AccountabilityCaseOpened.class, AccountabilityCaseOpened::ledgerId, LedgerEvents::on)
            .on(AccountabilityCaseConcluded.class, AccountabilityCaseConcluded::ledgerId, LedgerEvents::on)
            .on(RectificationClosed.class, RectificationClosed::ledgerId, LedgerEvents::on);

    private LedgerEvents() {}

    private static void on(RectificationOpened e, LedgerRecord l, RecordedEvent at) {
        l.interviewId = e.interviewId();
        l.unitId = e.unitId();
        l.unitName = e.unitName();
        l.jurisdictionId = e.jurisdictionId();
        l.conductedOn = e.conductedOn();
        // ledgers opened before conductedOn was added count in the year they were opened
        l.year = (l.conductedOn != null ? l.conductedOn : l.openedOn).getYear();
        l.planDueOn = e.planDueOn();
        l.writtenReport.dueOn = e.writtenReportDueOn();
        for (RectificationOpened.Task t : e.tasks()) {
            TaskRecord task = task(l, t.taskId(), at, null);
            task.kind = name(t.kind());
            task.aspect = t.aspect();
            task.text = t.text();
        }
    }

    private static void on(TaskPlanned e, LedgerRecord l, RecordedEvent at) {
        TaskRecord t =
                plan(task(l, e.taskId(), at, null), e.responsibleLeader(), e.responsibleDepartment(), e.measures());
        if (e.deadline() != null) {
            t.deadline = e.deadline();
            t.originalDeadline = t.originalDeadline == null ? t.deadline : t.originalDeadline;
        }
    }

    /** The deadline moves only through an approved extension, so a revision carries none. */
    private static void on(TaskPlanRevised e, LedgerRecord l, RecordedEvent at) {
        plan(task(l, e.taskId(), at, e.reason()), e.responsibleLeader(), e.responsibleDepartment(), e.measures());
    }

    private static void on(DeadlineExtensionApproved e, LedgerRecord l, RecordedEvent at) {
        TaskRecord t = task(l, e.taskId(), at, e.comment());
        t.deadline = e.newDeadline();
        t.overdue = false;
    }

    private static void on(TaskCascaded e, LedgerRecord l, RecordedEvent at) {
        task(l, e.taskId(), at, null).subTasks += e.subTasks().size();
    }

    private static void on(SubTaskCompleted e, LedgerRecord l, RecordedEvent at) {
        task(l, e.taskId(), at, null).subTasksDone++;
    }

    private static void on(ProgressReported e, LedgerRecord l, RecordedEvent at) {
        task(l, e.taskId(), at, null).progressReports++;
    }

    private static void on(EvidenceAttached e, LedgerRecord l, RecordedEvent at) {
        task(l, e.taskId(), at, null).evidence++;
    }

    private static void on(TaskVerified e, LedgerRecord l, RecordedEvent at) {
        TaskRecord t = task(l, e.taskId(), at, e.comment());
        t.status = TaskStatus.VERIFIED;
        t.verifiedOn = e.verifiedOn();
        t.overdue = false;
    }

    /** A failed check leaves the plan on record: the task is planned again, not open. */
    private static void on(TaskVerificationFailed e, LedgerRecord l, RecordedEvent at) {
        task(l, e.taskId(), at, e.reason()).status = TaskStatus.PLANNED;
    }

    private static void on(TaskBecameOverdue e, LedgerRecord l, RecordedEvent at) {
        task(l, e.taskId(), at, null).overdue = true;
    }

    /** Changes nothing but the history: the auditors want the refused attempt on the timeline. */
    private static void on(TaskClosureRefused e, LedgerRecord l, RecordedEvent at) {
        task(l, e.taskId(), at, e.reason());
    }

    private static void on(RegulationRecorded e, LedgerRecord l, RecordedEvent at) {
        l.regulations.add(new Regulation(
                e.regulationId(), e.title(), name(e.action()), e.issuedOn(), new ArrayList<>(e.taskIds())));
    }

    private static void on(WrittenReportFiled e, LedgerRecord l, RecordedEvent at) {
        l.writtenReport.filedOn = e.filedOn();
        l.writtenReport.registrationNumber = e.registrationNumber();
        l.writtenReport.late = e.late();
    }

    private static void on(WrittenReportBecameOverdue e, LedgerRecord l, RecordedEvent at) {
        l.writtenReport.overdue = true;
    }

    private static void on(TrackingEvaluationFiled e, LedgerRecord l, RecordedEvent at) {
        l.trackingEvaluationFiled = true;
    }

    private static void on(StageEvaluationRecorded e, LedgerRecord l, RecordedEvent at) {
        l.stageEvaluations++;
        for (StageEvaluationRecorded.TaskRating result : e.results()) {
            task(l, result.taskId(), at, result.comment()).rating = name(result.rating());
        }
    }

    private static void on(AccountabilityCaseOpened e, LedgerRecord l, RecordedEvent at) {
        Case c = new Case();
        c.caseId = e.caseId();
        c.taskIds = new ArrayList<>(e.taskIds());
        c.grounds = e.grounds();
        c.openedOn = e.openedOn();
        l.accountabilityCases.add(c);
    }

    private static void on(AccountabilityCaseConcluded e, LedgerRecord l, RecordedEvent at) {
        l.accountabilityCases.stream().filter(c -> c.caseId.equals(e.caseId())).forEach(c -> {
            c.outcome = e.outcome();
            c.concludedOn = e.concludedOn();
        });
    }

    private static void on(RectificationClosed e, LedgerRecord l, RecordedEvent at) {
        l.closedOn = e.closedOn();
    }

    private static TaskRecord plan(TaskRecord t, String leader, String department, String measures) {
        t.responsibleLeader = leader;
        t.responsibleDepartment = department;
        t.measures = measures;
        t.status = t.status.planned();
        return t;
    }

    /**
     * The event's task with the event on its history, noted with the event's reason or comment if
     * it has one; once per event, so a replayed event adds no second step.
     */
    private static TaskRecord task(LedgerRecord l, String taskId, RecordedEvent e, String note) {
        TaskRecord t = l.task(taskId);
        if (t.history.stream().noneMatch(s -> s.eventId().equals(e.eventId()))) {
            t.history.add(new Step(e.type(), e.time(), e.eventId(), note));
        }
        return t;
    }

    /** The models keep the contracts' enum constants by name (null for a constant this reader does not know). */
    private static String name(Enum<?> constant) {
        return constant == null ? null : constant.name();
    }
}
