package io.sanjiaodi.rectification.web;

import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.command.rectification.ActorRole;
import io.sanjiaodi.rectification.command.rectification.LedgerId;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import io.sanjiaodi.rectification.web.LedgerRequests.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * Everything done to one task of a ledger: plan, extensions, cascade, progress, verification. Task
 * and sub-task ids stay strings checked by {@code @Pattern}: commands, events and the ledger's
 * tasks all carry them as strings, so a typed id would be unwrapped again at every endpoint.
 */
@RestController
@Validated
@RequestMapping("/api/ledgers/{ledgerId}/tasks/{taskId}")
class TaskController {

    private final CommandGateway commands;

    TaskController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/plan")
    void plan(
            @PathVariable LedgerId ledgerId,
            @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
            @Valid @RequestBody PlanBody body,
            @ActingRole ActorRole actor) {
        commands.sendAndWait(new PlanTask(
                ledgerId,
                taskId,
                body.responsibleLeader(),
                body.responsibleDepartment(),
                body.deadline(),
                body.measures(),
                actor));
    }

    @PutMapping("/plan")
    void revise(
            @PathVariable LedgerId ledgerId,
            @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
            @Valid @RequestBody RevisePlanBody body,
            @ActingRole ActorRole actor) {
        commands.sendAndWait(new RevisePlan(
                ledgerId,
                taskId,
                body.responsibleLeader(),
                body.responsibleDepartment(),
                body.measures(),
                body.reason(),
                actor));
    }

    @PostMapping("/extensions")
    void requestExtension(
            @PathVariable LedgerId ledgerId,
            @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
            @Valid @RequestBody ExtensionBody body,
            @ActingRole ActorRole actor) {
        commands.sendAndWait(
                new RequestDeadlineExtension(ledgerId, taskId, body.requestedDeadline(), body.reason(), actor));
    }

    @PostMapping("/extensions/approval")
    void approveExtension(
            @PathVariable LedgerId ledgerId,
            @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
            @Valid @RequestBody DecisionBody body,
            @ActingRole ActorRole actor) {
        commands.sendAndWait(new ApproveDeadlineExtension(ledgerId, taskId, body.comment(), actor));
    }

    @PostMapping("/extensions/rejection")
    void rejectExtension(
            @PathVariable LedgerId ledgerId,
            @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
            @Valid @RequestBody ReasonBody body,
            @ActingRole ActorRole actor) {
        commands.sendAndWait(new RejectDeadlineExtension(ledgerId, taskId, body.reason(), actor));
    }

    @PostMapping("/cascade")
    void cascade(
            @PathVariable LedgerId ledgerId,
            @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
            @Valid @RequestBody CascadeBody body,
            @ActingRole ActorRole actor) {
        commands.sendAndWait(new CascadeTask(
                ledgerId,
                taskId,
                body.subTasks().stream()
                        .map(s -> new SubTaskSpec(s.ownerUnitId(), s.ownerUnitName(), s.deadline()))
                        .toList(),
                actor));
    }

    @PostMapping("/sub-tasks/{subTaskId}/completion")
    void completeSubTask(
            @PathVariable LedgerId ledgerId,
            @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
            @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String subTaskId,
            @Valid @RequestBody(required = false) NoteBody body,
            @ActingRole ActorRole actor,
            @Today LocalDate today) {
        commands.sendAndWait(
                new CompleteSubTask(ledgerId, taskId, subTaskId, body == null ? null : body.note(), today, actor));
    }

    @PostMapping("/progress")
    @ResponseStatus(HttpStatus.CREATED)
    Created reportProgress(
            @PathVariable LedgerId ledgerId,
            @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
            @Valid @RequestBody ProgressBody body,
            @ActingRole ActorRole actor,
            @Today LocalDate today) {
        return new Created(commands.sendAndWait(new ReportProgress(ledgerId, taskId, body.text(), today, actor)));
    }

    /** 对账销号: only a supervisor; a unit's attempt is recorded (TaskClosureRefused) and answered 403. */
    @PostMapping("/verification")
    void verify(
            @PathVariable LedgerId ledgerId,
            @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
            @Valid @RequestBody(required = false) DecisionBody body,
            @ActingRole ActorRole actor,
            @Today LocalDate today) {
        Refusal.throwIfRecorded(
                commands.sendAndWait(
                        new VerifyTask(ledgerId, taskId, body == null ? null : body.comment(), today, actor)),
                "ledger " + ledgerId);
    }

    @PostMapping("/verification-failures")
    void failVerification(
            @PathVariable LedgerId ledgerId,
            @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
            @Valid @RequestBody ReasonBody body,
            @ActingRole ActorRole actor,
            @Today LocalDate today) {
        commands.sendAndWait(new FailVerification(ledgerId, taskId, body.reason(), today, actor));
    }
}
