package io.sanjiaodi.rectification.web;

import io.sanjiaodi.platform.web.idempotency.IdempotencyKeys;
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

/** Ledger-wide records: regulations, the dual report, stage evaluations, accountability cases. */
@RestController
@Validated
@RequestMapping("/api/ledgers/{ledgerId}")
class LedgerActionsController {

    private final CommandGateway commands;

    LedgerActionsController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/regulations")
    @ResponseStatus(HttpStatus.CREATED)
    Created recordRegulation(
            @PathVariable LedgerId ledgerId, @Valid @RequestBody RegulationBody body, @ActingRole ActorRole actor) {
        return new Created(commands.sendAndWait(
                new RecordRegulation(ledgerId, body.title(), body.action(), body.issuedOn(), body.taskIds(), actor)));
    }

    /** Files and registers (登记备案) the interviewee's written report; answers the registration number. */
    @PostMapping("/written-report")
    @ResponseStatus(HttpStatus.CREATED)
    Registered fileWrittenReport(
            @PathVariable LedgerId ledgerId,
            @Valid @RequestBody WrittenReportBody body,
            @ActingRole ActorRole actor,
            @Today LocalDate today) {
        return new Registered(
                commands.sendAndWait(new FileWrittenReport(ledgerId, body.title(), body.summary(), today, actor)));
    }

    @PostMapping("/tracking-evaluation")
    @ResponseStatus(HttpStatus.CREATED)
    void fileTrackingEvaluation(
            @PathVariable LedgerId ledgerId,
            @Valid @RequestBody TrackingEvaluationBody body,
            @ActingRole ActorRole actor,
            @Today LocalDate today) {
        commands.sendAndWait(
                new FileTrackingEvaluation(ledgerId, body.supervisingBody(), body.summary(), today, actor));
    }

    @PostMapping("/stage-evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    Created recordStageEvaluation(
            @PathVariable LedgerId ledgerId,
            @Valid @RequestBody StageEvaluationBody body,
            @ActingRole ActorRole actor,
            @Today LocalDate today) {
        return new Created(commands.sendAndWait(new RecordStageEvaluation(
                ledgerId,
                body.results().stream()
                        .map(r -> new TaskRatingSpec(r.taskId(), r.rating(), r.comment()))
                        .toList(),
                today,
                actor,
                IdempotencyKeys.keyedId("stage-evaluation")
                        .map(id -> "stage-" + id)
                        .orElse(null))));
    }

    @PostMapping("/accountability-cases")
    @ResponseStatus(HttpStatus.CREATED)
    Created openCase(
            @PathVariable LedgerId ledgerId,
            @Valid @RequestBody CaseBody body,
            @ActingRole ActorRole actor,
            @Today LocalDate today) {
        return new Created(commands.sendAndWait(new OpenAccountabilityCase(
                ledgerId,
                body.taskIds(),
                body.evidenceIds(),
                body.grounds(),
                today,
                actor,
                IdempotencyKeys.keyedId("accountability-case")
                        .map(id -> "case-" + id)
                        .orElse(null))));
    }

    @PostMapping("/accountability-cases/{caseId}/conclusion")
    void concludeCase(
            @PathVariable LedgerId ledgerId,
            @PathVariable @Pattern(regexp = LedgerRequests.ID) String caseId,
            @Valid @RequestBody OutcomeBody body,
            @ActingRole ActorRole actor,
            @Today LocalDate today) {
        commands.sendAndWait(new ConcludeAccountabilityCase(ledgerId, caseId, body.outcome(), today, actor));
    }
}
