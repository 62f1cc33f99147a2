package io.sanjiaodi.rectification.command.rectification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.contracts.rectification.RectificationOpened.Task;
import io.sanjiaodi.contracts.rectification.RectificationOpened.TaskKind;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.Rating;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.TaskRating;
import io.sanjiaodi.contracts.rectification.TaskCascaded.SubTask;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.command.rectification.Permissions.Action;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The rectification ledger (整改台账) of one conducted interview: every list item is a task on the
 * books until a supervisor crosses it off (挂账销号). Rules are checked in the command handlers;
 * state changes only in the event sourcing handlers; nothing here reads a clock or a database.
 */
@Aggregate(cache = "aggregateCache")
public class Rectification {

    @AggregateIdentifier
    private String ledgerId;
    private String interviewId;
    private String unitId;
    private String jurisdictionId;
    private LocalDate conductedOn;
    private LocalDate writtenReportDueOn;
    private boolean writtenReportFiled;
    private boolean writtenReportOverdue;
    private boolean trackingEvaluationFiled;
    private boolean closed;
    private int progressReports;
    private int regulations;
    private int stageEvaluations;
    private final Map<String, TaskState> tasks = new LinkedHashMap<>();
    private final Set<String> evidence = new HashSet<>();
    /** case id to concluded */
    private final Map<String, Boolean> cases = new HashMap<>();

    protected Rectification() {
        // for Axon
    }

    @CommandHandler
    public Rectification(OpenRectification command) {
        InterviewConducted interview = command.interview();
        apply(new RectificationOpened(command.ledgerId().value(), interview.interviewId(),
                interview.interviewee().unitId(), interview.interviewee().unitName(),
                interview.interviewee().jurisdictionId(), tasksFor(interview.lists()), interview.conductedOn(),
                command.planDueOn(), command.writtenReportDueOn()));
    }

    /** Problems are rectified, risks prevented, duties reported on (DOMAIN.md §5). */
    private static List<Task> tasksFor(FrozenLists lists) {
        List<Task> tasks = new ArrayList<>();
        lists.problems().forEach(p -> tasks.add(new Task("task-" + p.itemId(), TaskKind.PROBLEM_RECTIFICATION,
                p.itemId(), p.aspect(), p.description())));
        lists.risks().forEach(r -> tasks.add(new Task("task-" + r.itemId(), TaskKind.RISK_PREVENTION,
                r.itemId(), r.businessArea(), r.description())));
        lists.responsibilities().forEach(d -> tasks.add(new Task("task-" + d.itemId(), TaskKind.DUTY,
                d.itemId(), null, d.text())));
        return tasks;
    }

    // ---- plan, revisions, extensions

    @CommandHandler
    public void handle(PlanTask c) {
        Permissions.require(c.actor(), Action.PLAN);
        TaskState task = openTask(c.taskId());
        if (task.planned) {
            throw Refusal.conflict("TASK_ALREADY_PLANNED", "task " + c.taskId() + " has a plan; revise it instead");
        }
        RectificationRules.requireText(c.responsibleLeader(), "RESPONSIBLE_LEADER_REQUIRED", "a responsible leader");
        RectificationRules.requireText(c.responsibleDepartment(), "RESPONSIBLE_DEPARTMENT_REQUIRED", "a responsible department");
        RectificationRules.requireText(c.measures(), "MEASURES_REQUIRED", "measures");
        RectificationRules.requireDeadlineAfterTalk(c.deadline(), conductedOn);
        apply(new TaskPlanned(ledgerId, c.taskId(), unitId, jurisdictionId, c.responsibleLeader(),
                c.responsibleDepartment(), c.deadline(), c.measures(), c.actor().name()));
    }

    @CommandHandler
    public void handle(RevisePlan c) {
        Permissions.require(c.actor(), Action.PLAN);
        TaskState task = plannedTask(c.taskId());
        RectificationRules.requireText(c.responsibleLeader(), "RESPONSIBLE_LEADER_REQUIRED", "a responsible leader");
        RectificationRules.requireText(c.responsibleDepartment(), "RESPONSIBLE_DEPARTMENT_REQUIRED", "a responsible department");
        RectificationRules.requireText(c.measures(), "MEASURES_REQUIRED", "measures");
        RectificationRules.requireText(c.reason(), "REVISION_REASON_REQUIRED", "the reason for the revision");
        apply(new TaskPlanRevised(ledgerId, c.taskId(), unitId, jurisdictionId, task.revisions + 1,
                c.responsibleLeader(), c.responsibleDepartment(), c.measures(), c.reason(), c.actor().name()));
    }

    @CommandHandler
    public void handle(RequestDeadlineExtension c) {
        Permissions.require(c.actor(), Action.REQUEST_EXTENSION);
        TaskState task = plannedTask(c.taskId());
        if (task.extensionPending()) {
            throw Refusal.conflict("EXTENSION_PENDING", "an extension of task " + c.taskId() + " awaits a decision");
        }
        RectificationRules.requireText(c.reason(), "EXTENSION_REASON_REQUIRED", "the reason for the extension");
        RectificationRules.requireDeadlineAfterTalk(c.requestedDeadline(), conductedOn);
        if (!c.requestedDeadline().isAfter(task.deadline)) {
            throw Refusal.unprocessable("EXTENSION_NOT_LATER",
                    "the requested deadline " + c.requestedDeadline() + " is not after the deadline " + task.deadline);
        }
        apply(new DeadlineExtensionRequested(ledgerId, c.taskId(), unitId, jurisdictionId, task.deadline,
                c.requestedDeadline(), c.reason(), c.actor().name()));
    }

    @CommandHandler
    public void handle(ApproveDeadlineExtension c) {
        Permissions.require(c.actor(), Action.DECIDE_EXTENSION);
        TaskState task = pendingExtension(c.taskId());
        apply(new DeadlineExtensionApproved(ledgerId, c.taskId(), unitId, jurisdictionId, task.originalDeadline,
                task.deadline, task.requestedDeadline, nullToEmpty(c.comment()), c.actor().name()));
    }

    @CommandHandler
    public void handle(RejectDeadlineExtension c) {
        Permissions.require(c.actor(), Action.DECIDE_EXTENSION);
        TaskState task = pendingExtension(c.taskId());
        RectificationRules.requireText(c.reason(), "REJECTION_REASON_REQUIRED", "the reason for the rejection");
        apply(new DeadlineExtensionRejected(ledgerId, c.taskId(), unitId, jurisdictionId, task.requestedDeadline,
                task.deadline, c.reason(), c.actor().name()));
    }

    // ---- cascade to subordinate units

    @CommandHandler
    public void handle(CascadeTask c) {
        Permissions.require(c.actor(), Action.CASCADE);
        TaskState task = plannedTask(c.taskId());
        if (c.subTasks() == null || c.subTasks().isEmpty()) {
            throw Refusal.unprocessable("SUB_TASKS_REQUIRED", "name at least one subordinate unit");
        }
        List<SubTask> subTasks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SubTaskSpec spec : c.subTasks()) {
            RectificationRules.requireText(spec.ownerUnitId(), "SUB_TASK_OWNER_REQUIRED", "the owner unit");
            String subTaskId = c.taskId() + "-" + spec.ownerUnitId();
            if (task.subTasks.containsKey(subTaskId) || !seen.add(subTaskId)) {
                throw Refusal.conflict("SUB_TASK_EXISTS", "unit " + spec.ownerUnitId() + " already has a sub-task of "
                        + c.taskId());
            }
            RectificationRules.requireDeadlineAfterTalk(spec.deadline(), conductedOn);
            if (spec.deadline().isAfter(task.deadline)) {
                throw Refusal.unprocessable("SUB_TASK_DEADLINE_AFTER_TASK", "a sub-task's deadline "
                        + spec.deadline() + " cannot be after the task's deadline " + task.deadline);
            }
            subTasks.add(new SubTask(subTaskId, spec.ownerUnitId(), nullToEmpty(spec.ownerUnitName()), spec.deadline()));
        }
        apply(new TaskCascaded(ledgerId, c.taskId(), unitId, jurisdictionId, subTasks, c.actor().name()));
    }

    @CommandHandler
    public void handle(CompleteSubTask c) {
        Permissions.require(c.actor(), Action.COMPLETE_SUB_TASK);
        TaskState task = openTask(c.taskId());
        Boolean done = task.subTasks.get(c.subTaskId());
        if (done == null) {
            throw Refusal.notFound("SUB_TASK_NOT_FOUND", "task " + c.taskId() + " has no sub-task " + c.subTaskId());
        }
        if (done) {
            throw Refusal.conflict("SUB_TASK_ALREADY_COMPLETED", "sub-task " + c.subTaskId() + " is done already");
        }
        String owner = c.subTaskId().substring(c.taskId().length() + 1);
        apply(new SubTaskCompleted(ledgerId, c.taskId(), c.subTaskId(), owner, unitId, jurisdictionId, c.on(),
                nullToEmpty(c.note()), c.actor().name()));
    }

    // ---- progress, evidence, regulations

    @CommandHandler
    public String handle(ReportProgress c) {
        Permissions.require(c.actor(), Action.REPORT_PROGRESS);
        openTask(c.taskId());
        RectificationRules.requireText(c.text(), "PROGRESS_TEXT_REQUIRED", "the progress report's text");
        String reportId = "progress-" + (progressReports + 1);
        apply(new ProgressReported(ledgerId, c.taskId(), unitId, jurisdictionId, reportId, c.on(), c.text(),
                c.actor().name()));
        return reportId;
    }

    @CommandHandler
    public void handle(AttachEvidence c) {
        Permissions.require(c.actor(), Action.REPORT_PROGRESS);
        openTask(c.taskId());
        if (evidence.contains(c.evidenceId())) {
            throw Refusal.conflict("EVIDENCE_EXISTS", "evidence " + c.evidenceId() + " is on record already");
        }
        apply(new EvidenceAttached(ledgerId, c.taskId(), unitId, jurisdictionId, c.evidenceId(), c.fileName(),
                c.contentType(), c.size(), c.sha256(), c.on(), c.actor().name()));
    }

    @CommandHandler
    public String handle(RecordRegulation c) {
        Permissions.require(c.actor(), Action.RECORD_REGULATION);
        requireOpen();
        RectificationRules.requireText(c.title(), "REGULATION_TITLE_REQUIRED", "the regulation's title");
        if (c.action() == null || c.issuedOn() == null) {
            throw Refusal.unprocessable("REGULATION_INCOMPLETE", "established or revised, and when, are required");
        }
        List<String> taskIds = c.taskIds() == null ? List.of() : c.taskIds();
        taskIds.forEach(this::task);
        String regulationId = "reg-" + (regulations + 1);
        apply(new RegulationRecorded(ledgerId, unitId, jurisdictionId, regulationId, c.title(), c.action(), c.issuedOn(),
                taskIds, c.actor().name()));
        return regulationId;
    }

    // ---- verification-only closing (对账销号)

    /** A unit closing its own task is refused and the attempt recorded; other roles are refused outright. */
    @CommandHandler
    public Optional<Refusal> handle(VerifyTask c) {
        TaskState task = task(c.taskId());
        if (c.actor() == ActorRole.UNIT) {
            String reason = "a unit can never close its own tasks; only a supervisor verifies against the list";
            apply(new TaskClosureRefused(ledgerId, c.taskId(), unitId, jurisdictionId, "UNIT_CANNOT_CLOSE_OWN_TASK",
                    reason, c.on(), c.actor().name()));
            return Optional.of(Refusal.forbidden("UNIT_CANNOT_CLOSE_OWN_TASK", reason));
        }
        Permissions.require(c.actor(), Action.VERIFY);
        requireOpen();
        if (task.verified) {
            throw Refusal.conflict("TASK_ALREADY_VERIFIED", "task " + c.taskId() + " is verified already");
        }
        if (!task.planned) {
            throw Refusal.conflict("TASK_NOT_PLANNED", "task " + c.taskId() + " has no plan yet");
        }
        if (!task.subTasksDone()) {
            long open = task.subTasks.values().stream().filter(done -> !done).count();
            throw Refusal.unprocessable("SUB_TASKS_OPEN", open + " sub-task(s) of " + c.taskId() + " are not done");
        }
        apply(new TaskVerified(ledgerId, c.taskId(), unitId, jurisdictionId, c.on(), nullToEmpty(c.comment()),
                c.actor().name()));
        closeIfComplete(c.on());
        return Optional.empty();
    }

    @CommandHandler
    public void handle(FailVerification c) {
        Permissions.require(c.actor(), Action.VERIFY);
        requireOpen();
        TaskState task = task(c.taskId());
        RectificationRules.requireText(c.reason(), "FAILURE_REASON_REQUIRED", "the reason the check failed");
        apply(new TaskVerificationFailed(ledgerId, c.taskId(), unitId, jurisdictionId, c.on(), c.reason(),
                task.verified, c.actor().name()));
    }

    // ---- deadlines (sent by the sweeper; idempotent, never an error for "nothing to do")

    /** @return whether the task was marked overdue now */
    @CommandHandler
    public boolean handle(MarkTaskOverdue c) {
        TaskState task = task(c.taskId());
        if (closed || task.verified || task.overdue || task.deadline == null || !c.today().isAfter(task.deadline)) {
            return false;
        }
        apply(new TaskBecameOverdue(ledgerId, c.taskId(), unitId, jurisdictionId, task.deadline, c.today()));
        return true;
    }

    /** @return whether the written report was marked overdue now */
    @CommandHandler
    public boolean handle(MarkWrittenReportOverdue c) {
        if (closed || writtenReportFiled || writtenReportOverdue || writtenReportDueOn == null
                || !c.today().isAfter(writtenReportDueOn)) {
            return false;
        }
        apply(new WrittenReportBecameOverdue(ledgerId, interviewId, unitId, jurisdictionId, writtenReportDueOn,
                c.today()));
        return true;
    }

    // ---- dual report (双报告)

    /** @return the registration number (登记备案号) */
    @CommandHandler
    public String handle(FileWrittenReport c) {
        Permissions.require(c.actor(), Action.FILE_WRITTEN_REPORT);
        requireOpen();
        if (writtenReportFiled) {
            throw Refusal.conflict("WRITTEN_REPORT_ALREADY_FILED", "the written report is filed already");
        }
        RectificationRules.requireText(c.title(), "REPORT_TITLE_REQUIRED", "the report's title");
        String registration = RectificationRules.registrationNumber(conductedOn != null ? conductedOn : c.on(),
                jurisdictionId, interviewId);
        boolean late = writtenReportDueOn != null && c.on().isAfter(writtenReportDueOn);
        apply(new WrittenReportFiled(ledgerId, interviewId, unitId, jurisdictionId, registration, c.title(),
                nullToEmpty(c.summary()), writtenReportDueOn, c.on(), late, c.actor().name()));
        closeIfComplete(c.on());
        return registration;
    }

    @CommandHandler
    public void handle(FileTrackingEvaluation c) {
        Permissions.require(c.actor(), Action.FILE_TRACKING_EVALUATION);
        requireOpen();
        if (trackingEvaluationFiled) {
            throw Refusal.conflict("TRACKING_EVALUATION_ALREADY_FILED", "the tracking evaluation is filed already");
        }
        RectificationRules.requireText(c.supervisingBody(), "SUPERVISING_BODY_REQUIRED", "the supervising body");
        RectificationRules.requireText(c.summary(), "EVALUATION_SUMMARY_REQUIRED", "the evaluation's summary");
        apply(new TrackingEvaluationFiled(ledgerId, unitId, jurisdictionId, c.supervisingBody(), c.summary(), c.on(),
                c.actor().name()));
        closeIfComplete(c.on());
    }

    // ---- stage evaluation, accountability

    /** @return the evaluation id */
    @CommandHandler
    public String handle(RecordStageEvaluation c) {
        Permissions.require(c.actor(), Action.EVALUATE);
        if (c.results() == null || c.results().isEmpty()) {
            throw Refusal.unprocessable("RATINGS_REQUIRED", "rate at least one task");
        }
        List<TaskRating> ratings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TaskRatingSpec r : c.results()) {
            task(r.taskId());
            if (r.rating() == null) {
                throw Refusal.unprocessable("RATING_REQUIRED", "task " + r.taskId() + " has no rating");
            }
            if (!seen.add(r.taskId())) {
                throw Refusal.unprocessable("TASK_RATED_TWICE", "task " + r.taskId() + " is rated twice");
            }
            ratings.add(new TaskRating(r.taskId(), r.rating(), nullToEmpty(r.comment())));
        }
        String evaluationId = "stage-" + (stageEvaluations + 1);
        apply(new StageEvaluationRecorded(ledgerId, unitId, jurisdictionId, evaluationId, c.on(), ratings,
                c.actor().name()));
        return evaluationId;
    }

    /** @return the case id */
    @CommandHandler
    public String handle(OpenAccountabilityCase c) {
        Permissions.require(c.actor(), Action.ACCOUNTABILITY);
        if (c.taskIds() == null || c.taskIds().isEmpty()) {
            throw Refusal.unprocessable("CASE_TASKS_REQUIRED", "name the tasks the case is about");
        }
        RectificationRules.requireText(c.grounds(), "CASE_GROUNDS_REQUIRED", "the grounds of the case");
        for (String taskId : c.taskIds()) {
            if (!task(taskId).poorlyImplemented()) {
                throw Refusal.unprocessable("NO_POOR_IMPLEMENTATION", "task " + taskId
                        + " was never overdue, failed or rated not rectified");
            }
        }
        List<String> evidenceIds = c.evidenceIds() == null ? List.of() : c.evidenceIds();
        for (String evidenceId : evidenceIds) {
            if (!evidence.contains(evidenceId)) {
                throw Refusal.notFound("EVIDENCE_NOT_FOUND", "no evidence " + evidenceId + " on this ledger");
            }
        }
        String caseId = "case-" + (cases.size() + 1);
        apply(new AccountabilityCaseOpened(ledgerId, caseId, unitId, jurisdictionId, c.taskIds(), evidenceIds,
                c.grounds(), c.on(), c.actor().name()));
        return caseId;
    }

    @CommandHandler
    public void handle(ConcludeAccountabilityCase c) {
        Permissions.require(c.actor(), Action.ACCOUNTABILITY);
        Boolean concluded = cases.get(c.caseId());
        if (concluded == null) {
            throw Refusal.notFound("CASE_NOT_FOUND", "no accountability case " + c.caseId());
        }
        if (concluded) {
            throw Refusal.conflict("CASE_ALREADY_CONCLUDED", "case " + c.caseId() + " is concluded already");
        }
        RectificationRules.requireText(c.outcome(), "CASE_OUTCOME_REQUIRED", "the outcome of the case");
        apply(new AccountabilityCaseConcluded(ledgerId, c.caseId(), unitId, jurisdictionId, c.outcome(), c.on(),
                c.actor().name()));
    }

    // ---- closing

    /** Applied in the same unit of work as the event that completed the ledger: exactly once. */
    private void closeIfComplete(LocalDate on) {
        boolean allVerified = tasks.values().stream().allMatch(t -> t.verified);
        if (!closed && allVerified && writtenReportFiled && trackingEvaluationFiled) {
            apply(new RectificationClosed(ledgerId, interviewId, unitId, jurisdictionId, tasks.size(), on));
        }
    }

    private void requireOpen() {
        if (closed) {
            throw Refusal.conflict("LEDGER_CLOSED", "ledger " + ledgerId + " is closed");
        }
    }

    private TaskState task(String taskId) {
        TaskState task = taskId == null ? null : tasks.get(taskId);
        if (task == null) {
            throw Refusal.notFound("TASK_NOT_FOUND", "ledger " + ledgerId + " has no task " + taskId);
        }
        return task;
    }

    /** A task that can still change: the ledger is open and the task not crossed off. */
    private TaskState openTask(String taskId) {
        requireOpen();
        TaskState task = task(taskId);
        if (task.verified) {
            throw Refusal.conflict("TASK_ALREADY_VERIFIED", "task " + taskId + " is verified and crossed off");
        }
        return task;
    }

    private TaskState plannedTask(String taskId) {
        TaskState task = openTask(taskId);
        if (!task.planned) {
            throw Refusal.conflict("TASK_NOT_PLANNED", "task " + taskId + " has no plan yet");
        }
        return task;
    }

    private TaskState pendingExtension(String taskId) {
        TaskState task = openTask(taskId);
        if (!task.extensionPending()) {
            throw Refusal.conflict("NO_PENDING_EXTENSION", "no extension of task " + taskId + " awaits a decision");
        }
        return task;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    // ---- state

    @EventSourcingHandler
    void on(RectificationOpened e) {
        ledgerId = e.ledgerId();
        interviewId = e.interviewId();
        unitId = e.unitId();
        jurisdictionId = e.jurisdictionId();
        conductedOn = e.conductedOn();
        writtenReportDueOn = e.writtenReportDueOn();
        e.tasks().forEach(t -> tasks.put(t.taskId(), new TaskState(t.taskId(), t.kind())));
    }

    @EventSourcingHandler
    void on(TaskPlanned e) {
        TaskState task = tasks.get(e.taskId());
        task.planned = true;
        task.deadline = e.deadline();
        task.originalDeadline = e.deadline();
    }

    @EventSourcingHandler
    void on(TaskPlanRevised e) {
        tasks.get(e.taskId()).revisions = e.revision();
    }

    @EventSourcingHandler
    void on(DeadlineExtensionRequested e) {
        tasks.get(e.taskId()).requestedDeadline = e.requestedDeadline();
    }

    /** A new deadline is a new chance: the task may become overdue again against it. */
    @EventSourcingHandler
    void on(DeadlineExtensionApproved e) {
        TaskState task = tasks.get(e.taskId());
        task.deadline = e.newDeadline();
        task.requestedDeadline = null;
        task.overdue = false;
    }

    @EventSourcingHandler
    void on(DeadlineExtensionRejected e) {
        tasks.get(e.taskId()).requestedDeadline = null;
    }

    @EventSourcingHandler
    void on(TaskCascaded e) {
        e.subTasks().forEach(s -> tasks.get(e.taskId()).subTasks.put(s.subTaskId(), false));
    }

    @EventSourcingHandler
    void on(SubTaskCompleted e) {
        tasks.get(e.taskId()).subTasks.put(e.subTaskId(), true);
    }

    @EventSourcingHandler
    void on(ProgressReported e) {
        progressReports++;
    }

    @EventSourcingHandler
    void on(EvidenceAttached e) {
        evidence.add(e.evidenceId());
    }

    @EventSourcingHandler
    void on(RegulationRecorded e) {
        regulations++;
    }

    @EventSourcingHandler
    void on(TaskVerified e) {
        tasks.get(e.taskId()).verified = true;
    }

    @EventSourcingHandler
    void on(TaskVerificationFailed e) {
        TaskState task = tasks.get(e.taskId());
        task.verified = false;
        task.everFailedOrOverdue = true;
    }

    @EventSourcingHandler
    void on(TaskBecameOverdue e) {
        TaskState task = tasks.get(e.taskId());
        task.overdue = true;
        task.everFailedOrOverdue = true;
    }

    @EventSourcingHandler
    void on(WrittenReportFiled e) {
        writtenReportFiled = true;
    }

    @EventSourcingHandler
    void on(WrittenReportBecameOverdue e) {
        writtenReportOverdue = true;
    }

    @EventSourcingHandler
    void on(TrackingEvaluationFiled e) {
        trackingEvaluationFiled = true;
    }

    @EventSourcingHandler
    void on(StageEvaluationRecorded e) {
        stageEvaluations++;
        e.results().forEach(r -> {
            if (r.rating() == Rating.NOT_RECTIFIED) {
                tasks.get(r.taskId()).ratedNotRectified = true;
            }
        });
    }

    @EventSourcingHandler
    void on(AccountabilityCaseOpened e) {
        cases.put(e.caseId(), false);
    }

    @EventSourcingHandler
    void on(AccountabilityCaseConcluded e) {
        cases.put(e.caseId(), true);
    }

    @EventSourcingHandler
    void on(RectificationClosed e) {
        closed = true;
    }
}
