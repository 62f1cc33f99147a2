package io.sanjiaodi.rectification.command.rectification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.Rating;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.Actor;
import io.sanjiaodi.platform.security.ActorScope;
import io.sanjiaodi.platform.security.Actors;
import io.sanjiaodi.platform.settings.Limits;
import io.sanjiaodi.rectification.command.rectification.Permissions.Action;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
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
 * all of it — progress and evidence numbering, regulations and closing — and two more members: the
 * {@link DualReport} and the supervisors' {@link Accountability}. Rules are checked in the command
 * handlers; state changes only in the event sourcing handlers; nothing here reads a clock or a
 * database.
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
    /** task id to task; a task's events reach only that task */
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, Task> tasks = new LinkedHashMap<>();

    /** evidence id by task, content hash and file name: the same file uploaded again is the same evidence */
    private final Map<String, String> evidence = new HashMap<>();
    /** what the limits count per task: progress reports, evidence, regulations */
    private final TaskCounts counts = new TaskCounts();
    /** created when the ledger opens; handles the written report and the tracking evaluation */
    @AggregateMember
    private DualReport dualReport;
    /** created when the ledger opens; handles stage evaluations and accountability cases */
    @AggregateMember
    private Accountability accountability;

    protected Rectification() {
        // for Axon
    }

    @CommandHandler
    public Rectification(OpenRectification command) {
        InterviewConducted interview = command.interview();
        apply(new RectificationOpened(
                command.ledgerId().value(),
                interview.interviewId(),
                interview.interviewee().unitId(),
                interview.interviewee().unitName(),
                interview.interviewee().jurisdictionId(),
                RectificationRules.tasksFor(interview.lists()),
                interview.conductedOn(),
                command.planDueOn(),
                command.writtenReportDueOn()));
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

    /**
     * Fails closed: the command's actor must have this ledger's own unit and jurisdiction in scope
     * (the web layer checks the query model, which lags behind). A subordinate unit completes only
     * its own sub-task of a task cascaded to it ({@code <taskId>-<unitId>}, see {@link SubTasks}).
     */
    @CommandHandlerInterceptor
    Object actorInScope(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Optional<Actor> actor = ActorScope.actorOf(command.getMetaData());
        if (actor.isPresent() && !actor.get().mayAccessUnit(unitId, jurisdictionId)) {
            Actors.requireScope(ownSubTask(actor.get(), command.getPayload()), "ledger " + ledgerId);
        }
        return chain.proceed();
    }

    private static boolean ownSubTask(Actor actor, Object command) {
        return actor.role() != null
                && actor.role().isUnitRole()
                && command instanceof CompleteSubTask c
                && (c.taskId() + "-" + actor.unitId()).equals(c.subTaskId());
    }

    // ---- progress, evidence, regulations: numbered and kept across the ledger. Their handlers take
    // the Limits bean as a resource (Axon resolves Spring beans as handler parameters; fixtures register
    // it) rather than the web layer putting the limit into the command: every sender is held to it alike.

    @CommandHandler
    public String handle(ReportProgress c, Limits limits) {
        Permissions.require(c.actor(), Action.REPORT_PROGRESS);
        openTask(c.taskId());
        counts.requireRoomForProgress(c.taskId(), limits);
        String reportId = "progress-" + (progressReports + 1);
        apply(new ProgressReported(
                ledgerId,
                c.taskId(),
                unitId,
                jurisdictionId,
                reportId,
                c.on(),
                c.text(),
                c.actor().name()));
        return reportId;
    }

    @CommandHandler
    public String handle(AttachEvidence c, Limits limits) {
        Permissions.require(c.actor(), Action.REPORT_PROGRESS);
        openTask(c.taskId());
        if (evidence.containsValue(c.evidenceId())) {
            throw Refusal.conflict("EVIDENCE_EXISTS", "evidence " + c.evidenceId() + " is on record already");
        }
        String same = evidence.get(contentKey(c.taskId(), c.sha256(), c.fileName()));
        if (same != null) {
            return same; // an upload retried after a lost answer: the evidence on record, not a second one
        }
        counts.requireRoomForEvidence(c.taskId(), limits);
        apply(new EvidenceAttached(
                ledgerId,
                c.taskId(),
                unitId,
                jurisdictionId,
                c.evidenceId(),
                c.fileName(),
                c.contentType(),
                c.size(),
                c.sha256(),
                c.on(),
                c.actor().name()));
        return c.evidenceId();
    }

    private static String contentKey(String taskId, String sha256, String fileName) {
        return taskId + "\n" + sha256 + "\n" + fileName;
    }

    @CommandHandler
    public String handle(RecordRegulation c, Limits limits) {
        Permissions.require(c.actor(), Action.RECORD_REGULATION);
        requireOpen();
        if (c.action() == null || c.issuedOn() == null) {
            throw Refusal.unprocessable("REGULATION_INCOMPLETE", "established or revised, and when, are required");
        }
        List<String> taskIds = c.taskIds() == null ? List.of() : c.taskIds();
        taskIds.forEach(this::task);
        counts.requireRoomForRegulation(taskIds, limits);
        String regulationId = "reg-" + (regulations + 1);
        apply(new RegulationRecorded(
                ledgerId,
                unitId,
                jurisdictionId,
                regulationId,
                c.title(),
                c.action(),
                c.issuedOn(),
                taskIds,
                c.actor().name()));
        return regulationId;
    }

    // ---- what its members (tasks, dual report, accountability) ask of the ledger

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

    boolean hasEvidence(String evidenceId) {
        return evidence.containsValue(evidenceId);
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

    /** The task, or 404 TASK_NOT_FOUND. */
    Task task(String taskId) {
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
        accountability = new Accountability(this);
        e.tasks().forEach(t -> tasks.put(t.taskId(), new Task(t.taskId(), t.kind(), this)));
    }

    @EventSourcingHandler
    void on(ProgressReported e) {
        progressReports++;
        counts.progressReported(e.taskId());
    }

    @EventSourcingHandler
    void on(EvidenceAttached e) {
        evidence.putIfAbsent(contentKey(e.taskId(), e.sha256(), e.fileName()), e.evidenceId());
        counts.evidenceAttached(e.taskId());
    }

    @EventSourcingHandler
    void on(RegulationRecorded e) {
        regulations++;
        counts.regulationRecorded(e.taskIds());
    }

    /** Rates several tasks and names none as its taskId, so it is not forwarded to them: marked here. */
    @EventSourcingHandler
    void on(StageEvaluationRecorded e) {
        e.results().stream()
                .filter(r -> r.rating() == Rating.NOT_RECTIFIED)
                .forEach(r -> tasks.get(r.taskId()).ratedNotRectified());
    }

    @EventSourcingHandler
    void on(RectificationClosed e) {
        closed = true;
    }
}
