package io.sanjiaodi.rectification.web;

import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.command.rectification.LedgerId;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries;
import io.sanjiaodi.rectification.web.LedgerRequests.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/** Everything done to one task of a ledger: plan, extensions, cascade, progress, verification. */
@RestController
@Validated
@RequestMapping("/api/ledgers/{ledgerId}/tasks/{taskId}")
class TaskController {

    private final CommandGateway commands;
    private final LedgerQueries queries;

    TaskController(CommandGateway commands, LedgerQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping("/plan")
    void plan(@PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String ledgerId,
              @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
              @Valid @RequestBody PlanBody body) {
        commands.sendAndWait(new PlanTask(new LedgerId(ledgerId), taskId, body.responsibleLeader(),
                body.responsibleDepartment(), body.deadline(), body.measures(), Actors.role()));
    }

    @PutMapping("/plan")
    void revise(@PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String ledgerId,
                @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
                @Valid @RequestBody RevisePlanBody body) {
        commands.sendAndWait(new RevisePlan(new LedgerId(ledgerId), taskId, body.responsibleLeader(),
                body.responsibleDepartment(), body.measures(), body.reason(), Actors.role()));
    }

    @PostMapping("/extensions")
    void requestExtension(@PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String ledgerId,
                          @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
                          @Valid @RequestBody ExtensionBody body) {
        commands.sendAndWait(new RequestDeadlineExtension(new LedgerId(ledgerId), taskId, body.requestedDeadline(),
                body.reason(), Actors.role()));
    }

    @PostMapping("/extensions/approval")
    void approveExtension(@PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String ledgerId,
                          @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
                          @Valid @RequestBody DecisionBody body) {
        commands.sendAndWait(new ApproveDeadlineExtension(new LedgerId(ledgerId), taskId, body.comment(),
                Actors.role()));
    }

    @PostMapping("/extensions/rejection")
    void rejectExtension(@PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String ledgerId,
                         @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
                         @Valid @RequestBody ReasonBody body) {
        commands.sendAndWait(new RejectDeadlineExtension(new LedgerId(ledgerId), taskId, body.reason(),
                Actors.role()));
    }

    @PostMapping("/cascade")
    void cascade(@PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String ledgerId,
                 @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
                 @Valid @RequestBody CascadeBody body) {
        commands.sendAndWait(new CascadeTask(new LedgerId(ledgerId), taskId, body.subTasks().stream()
                .map(s -> new SubTaskSpec(s.ownerUnitId(), s.ownerUnitName(), s.deadline())).toList(),
                Actors.role()));
    }

    @PostMapping("/sub-tasks/{subTaskId}/completion")
    void completeSubTask(@PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String ledgerId,
                         @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
                         @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String subTaskId,
                         @Valid @RequestBody(required = false) NoteBody body) {
        commands.sendAndWait(new CompleteSubTask(new LedgerId(ledgerId), taskId, subTaskId,
                body == null ? null : body.note(), queries.today(), Actors.role()));
    }

    @PostMapping("/progress")
    @ResponseStatus(HttpStatus.CREATED)
    Created reportProgress(@PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String ledgerId,
                           @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
                           @Valid @RequestBody ProgressBody body) {
        String id = commands.sendAndWait(new ReportProgress(new LedgerId(ledgerId), taskId, body.text(),
                queries.today(), Actors.role()));
        return new Created(id);
    }

    /** 对账销号: only a supervisor; a unit's attempt is recorded (TaskClosureRefused) and answered 403. */
    @PostMapping("/verification")
    void verify(@PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String ledgerId,
                @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
                @Valid @RequestBody(required = false) DecisionBody body) {
        Optional<Refusal> refusal = commands.sendAndWait(new VerifyTask(new LedgerId(ledgerId), taskId,
                body == null ? null : body.comment(), queries.today(), Actors.role()));
        if (refusal.isPresent()) {
            throw refusal.get().recordedOn("ledger " + ledgerId);
        }
    }

    @PostMapping("/verification-failures")
    void failVerification(@PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String ledgerId,
                          @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
                          @Valid @RequestBody ReasonBody body) {
        commands.sendAndWait(new FailVerification(new LedgerId(ledgerId), taskId, body.reason(), queries.today(),
                Actors.role()));
    }
}
