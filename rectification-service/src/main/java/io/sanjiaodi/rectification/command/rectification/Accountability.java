package io.sanjiaodi.rectification.command.rectification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sanjiaodi.contracts.rectification.AccountabilityCaseConcluded;
import io.sanjiaodi.contracts.rectification.AccountabilityCaseOpened;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.TaskRating;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.command.rectification.Permissions.Action;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.ConcludeAccountabilityCase;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.OpenAccountabilityCase;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.RecordStageEvaluation;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.TaskRatingSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * What the supervisors conclude about a ledger's implementation: stage evaluations (阶段评估) that
 * rate its tasks, and accountability cases (问责) that stand only on poor implementation. Both are
 * still accepted on a closed ledger. The tasks and the evidence it judges are the ledger's.
 */
class Accountability {

    /** The ledger this belongs to. Not part of its state: equals leaves it out. */
    private final Rectification ledger;

    private final Set<String> stageEvaluations = new HashSet<>();
    /** case id to concluded */
    private final Map<String, Boolean> cases = new HashMap<>();

    Accountability(Rectification ledger) {
        this.ledger = ledger;
    }

    /** @return the evaluation id */
    @CommandHandler
    String handle(RecordStageEvaluation c) {
        Permissions.require(c.actor(), Action.EVALUATE);
        if (c.requestedId() != null && stageEvaluations.contains(c.requestedId())) {
            return c.requestedId(); // the same request run again: recorded the first time
        }
        if (c.results() == null || c.results().isEmpty()) {
            throw Refusal.unprocessable("RATINGS_REQUIRED", "rate at least one task");
        }
        List<TaskRating> ratings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TaskRatingSpec r : c.results()) {
            ledger.task(r.taskId());
            if (r.rating() == null) {
                throw Refusal.unprocessable("RATING_REQUIRED", "task " + r.taskId() + " has no rating");
            }
            if (!seen.add(r.taskId())) {
                throw Refusal.unprocessable("TASK_RATED_TWICE", "task " + r.taskId() + " is rated twice");
            }
            ratings.add(new TaskRating(r.taskId(), r.rating(), RectificationRules.orEmpty(r.comment())));
        }
        String evaluationId = c.requestedId() != null ? c.requestedId() : "stage-" + (stageEvaluations.size() + 1);
        apply(new StageEvaluationRecorded(
                ledger.ledgerId(),
                ledger.unitId(),
                ledger.jurisdictionId(),
                evaluationId,
                c.on(),
                ratings,
                c.actor().name()));
        return evaluationId;
    }

    /** @return the case id */
    @CommandHandler
    String handle(OpenAccountabilityCase c) {
        Permissions.require(c.actor(), Action.ACCOUNTABILITY);
        if (c.requestedId() != null && cases.containsKey(c.requestedId())) {
            return c.requestedId(); // the same request run again: opened the first time
        }
        if (c.taskIds() == null || c.taskIds().isEmpty()) {
            throw Refusal.unprocessable("CASE_TASKS_REQUIRED", "name the tasks the case is about");
        }
        for (String taskId : c.taskIds()) {
            if (!ledger.task(taskId).poorlyImplemented()) {
                throw Refusal.unprocessable(
                        "NO_POOR_IMPLEMENTATION",
                        "task " + taskId + " was never overdue, failed or rated not rectified");
            }
        }
        List<String> evidenceIds = c.evidenceIds() == null ? List.of() : c.evidenceIds();
        for (String evidenceId : evidenceIds) {
            if (!ledger.hasEvidence(evidenceId)) {
                throw Refusal.notFound("EVIDENCE_NOT_FOUND", "no evidence " + evidenceId + " on this ledger");
            }
        }
        String caseId = c.requestedId() != null ? c.requestedId() : "case-" + (cases.size() + 1);
        apply(new AccountabilityCaseOpened(
                ledger.ledgerId(),
                caseId,
                ledger.unitId(),
                ledger.jurisdictionId(),
                c.taskIds(),
                evidenceIds,
                c.grounds(),
                c.on(),
                c.actor().name()));
        return caseId;
    }

    @CommandHandler
    void handle(ConcludeAccountabilityCase c) {
        Permissions.require(c.actor(), Action.ACCOUNTABILITY);
        Boolean concluded = cases.get(c.caseId());
        if (concluded == null) {
            throw Refusal.notFound("CASE_NOT_FOUND", "no accountability case " + c.caseId());
        }
        if (concluded) {
            throw Refusal.conflict("CASE_ALREADY_CONCLUDED", "case " + c.caseId() + " is concluded already");
        }
        apply(new AccountabilityCaseConcluded(
                ledger.ledgerId(),
                c.caseId(),
                ledger.unitId(),
                ledger.jurisdictionId(),
                c.outcome(),
                c.on(),
                c.actor().name()));
    }

    @EventSourcingHandler
    void on(StageEvaluationRecorded e) {
        stageEvaluations.add(e.evaluationId());
    }

    @EventSourcingHandler
    void on(AccountabilityCaseOpened e) {
        cases.put(e.caseId(), false);
    }

    @EventSourcingHandler
    void on(AccountabilityCaseConcluded e) {
        cases.put(e.caseId(), true);
    }

    /** Value equality, so the test fixture can compare sourced and handled state. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Accountability a && stageEvaluations.equals(a.stageEvaluations) && cases.equals(a.cases);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stageEvaluations, cases);
    }
}
