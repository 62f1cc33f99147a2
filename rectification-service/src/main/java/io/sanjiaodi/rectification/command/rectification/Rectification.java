package io.sanjiaodi.rectification.command.rectification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.Rating;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.TaskRating;
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
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The rectification ledger (整改台账) of one conducted interview: every list item is a {@link Task}
 * on the books until a supervisor crosses it off (挂账销号). The ledger itself keeps what concerns
 * all of it — progress and evidence numbering, regulations, evaluations, cases and closing — and
 * its {@link DualReport}. Rules are checked in the command handlers; state changes only in the
 * event sourcing handlers; nothing here reads a clock or a database.
 */
@Aggregate(cache = "aggregateCache")
public class Rectification {

    @AggregateIdentifier
    private String ledgerId;
    private String interviewId;
    private String unitId;
    private String jurisdictionId;
    private LocalDate conductedOn;
    private boolean closed;
    private int progressReports;
    private int regulations;
    private int stageEvaluations;
    /** task id to task; a task's events reach only that task */
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final Set<String> evidence = new HashSet<>();
    /** case id to concluded */
    private final Map<String, Boolean> cases = new HashMap<>();
    /** created when the ledger opens; handles the written report and the tracking evaluation */
    @AggregateMember
    private DualReport dualReport;

    protected Rectification() {
        // for Axon
    }

    @CommandHandler
    public Rectification(OpenRectification command) {
        InterviewConducted interview = command.interview();
        apply(new RectificationOpened(command.ledgerId().value(), interview.interviewId(),
                interview.interviewee().unitId(), interview.interviewee().unitName(),
                interview.interviewee().jurisdictionId(), RectificationRules.tasksFor(interview.lists()),
                interview.conductedOn(), command.planDueOn(), command.writtenReportDueOn()));
    }

    /**
     * A task command names a task of this ledger. Checked here, before the task's own checks,
     * because Axon, finding no task to forward it to, would answer with its own exception instead
     * of TASK_NOT_FOUND.
     */
    @CommandHandlerInterceptor
    Object taskMustExist(TaskCommand command, InterceptorChain chain) throws Exception {
        task(command.taskId());
        return chain.proceed();
    }

    // ---- progress, evidence, regulations: numbered and kept across the ledger

    @CommandHandler
    public String handle(ReportProgress c) {
        Permissions.require(c.actor(), Action.REPORT_PROGRESS);
        openTask(c.taskId());
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
        if (c.action() == null || c.issuedOn() == null) {
            throw Refusal.unprocessable("REGULATION_INCOMPLETE", "established or revised, and when, are required");
        }
        List<String> taskIds = c.taskIds() == null ? List.of() : c.taskIds();
        taskIds.forEach(this::task);
        String regulationId = "reg-" + (regulations + 1);
        apply(new RegulationRecorded(ledgerId, unitId, jurisdictionId, regulationId, c.title(), c.action(),
                c.issuedOn(), taskIds, c.actor().name()));
        return regulationId;
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
            ratings.add(new TaskRating(r.taskId(), r.rating(), r.comment() == null ? "" : r.comment()));
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
        apply(new AccountabilityCaseConcluded(ledgerId, c.caseId(), unitId, jurisdictionId, c.outcome(), c.on(),
                c.actor().name()));
    }

    // ---- what the tasks ask of their ledger

    /** Applied in the same unit of work as the event that completed the ledger: exactly once. */
    void closeIfComplete(LocalDate on) {
        boolean allVerified = tasks.values().stream().allMatch(Task::verified);
        if (!closed && allVerified && dualReport.complete()) {
            apply(new RectificationClosed(ledgerId, interviewId, unitId, jurisdictionId, tasks.size(), on));
        }
    }

    void requireOpen() {
        if (closed) {
            throw Refusal.conflict("LEDGER_CLOSED", "ledger " + ledgerId + " is closed");
        }
    }

    boolean closed() {
        return closed;
    }

    String ledgerId() {
        return ledgerId;
    }

    String interviewId() {
        return interviewId;
    }

    String unitId() {
        return unitId;
    }

    String jurisdictionId() {
        return jurisdictionId;
    }

    /** null on ledgers opened before the talk date was recorded */
    LocalDate conductedOn() {
        return conductedOn;
    }

    private Task task(String taskId) {
        Task task = taskId == null ? null : tasks.get(taskId);
        if (task == null) {
            throw Refusal.notFound("TASK_NOT_FOUND", "ledger " + ledgerId + " has no task " + taskId);
        }
        return task;
    }

    /** The ledger is open (checked first, as for every change) and the task not crossed off. */
    private void openTask(String taskId) {
        requireOpen();
        task(taskId).requireChangeable();
    }

    // ---- state (a task's own events are forwarded to it; these are the ledger's)

    @EventSourcingHandler
    void on(RectificationOpened e) {
        ledgerId = e.ledgerId();
        interviewId = e.interviewId();
        unitId = e.unitId();
        jurisdictionId = e.jurisdictionId();
        conductedOn = e.conductedOn();
        dualReport = new DualReport(e.writtenReportDueOn(), this);
        e.tasks().forEach(t -> tasks.put(t.taskId(), new Task(t.taskId(), t.kind(), this)));
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
    void on(StageEvaluationRecorded e) {
        stageEvaluations++;
        e.results().stream().filter(r -> r.rating() == Rating.NOT_RECTIFIED)
                .forEach(r -> tasks.get(r.taskId()).ratedNotRectified());
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
