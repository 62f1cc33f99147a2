package io.sanjiaodi.rectification.web;

import io.sanjiaodi.rectification.command.rectification.LedgerId;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries;
import io.sanjiaodi.rectification.web.LedgerRequests.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
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
    private final LedgerQueries queries;

    LedgerActionsController(CommandGateway commands, LedgerQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping("/regulations")
    @ResponseStatus(HttpStatus.CREATED)
    Created recordRegulation(@PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String ledgerId,
                             @Valid @RequestBody RegulationBody body) {
        return new Created(commands.sendAndWait(new RecordRegulation(new LedgerId(ledgerId), body.title(),
                body.action(), body.issuedOn(), body.taskIds(), Actors.role())));
    }

    /** Files and registers (登记备案) the interviewee's written report; answers the registration number. */
    @PostMapping("/written-report")
    @ResponseStatus(HttpStatus.CREATED)
    Registered fileWrittenReport(@PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String ledgerId,
                                 @Valid @RequestBody WrittenReportBody body) {
        return new Registered(commands.sendAndWait(new FileWrittenReport(new LedgerId(ledgerId), body.title(),
                body.summary(), queries.today(), Actors.role())));
    }

    @PostMapping("/tracking-evaluation")
    @ResponseStatus(HttpStatus.CREATED)
    void fileTrackingEvaluation(@PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String ledgerId,
                                @Valid @RequestBody TrackingEvaluationBody body) {
        commands.sendAndWait(new FileTrackingEvaluation(new LedgerId(ledgerId), body.supervisingBody(),
                body.summary(), queries.today(), Actors.role()));
    }

    @PostMapping("/stage-evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    Created recordStageEvaluation(@PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String ledgerId,
                                  @Valid @RequestBody StageEvaluationBody body) {
        return new Created(commands.sendAndWait(new RecordStageEvaluation(new LedgerId(ledgerId), body.results()
                .stream().map(r -> new TaskRatingSpec(r.taskId(), r.rating(), r.comment())).toList(),
                queries.today(), Actors.role())));
    }

    @PostMapping("/accountability-cases")
    @ResponseStatus(HttpStatus.CREATED)
    Created openCase(@PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String ledgerId,
                     @Valid @RequestBody CaseBody body) {
        return new Created(commands.sendAndWait(new OpenAccountabilityCase(new LedgerId(ledgerId), body.taskIds(),
                body.evidenceIds(), body.grounds(), queries.today(), Actors.role())));
    }

    @PostMapping("/accountability-cases/{caseId}/conclusion")
    void concludeCase(@PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String ledgerId,
                      @PathVariable @Pattern(regexp = LedgerRequests.ID) String caseId,
                      @Valid @RequestBody OutcomeBody body) {
        commands.sendAndWait(new ConcludeAccountabilityCase(new LedgerId(ledgerId), caseId, body.outcome(),
                queries.today(), Actors.role()));
    }
}
