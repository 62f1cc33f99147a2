package io.sanjiaodi.interview.web;

import io.sanjiaodi.contracts.interview.ListItems.ConfidentialSource;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityKind;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.interview.command.interview.InterviewCommands.*;
import io.sanjiaodi.interview.command.interview.InterviewId;
import io.sanjiaodi.interview.query.templates.TemplateQueries;
import io.sanjiaodi.interview.query.templates.TemplateView;
import io.sanjiaodi.interview.sources.SourceSealer;
import io.sanjiaodi.interview.web.InterviewRequests.*;
import io.sanjiaodi.interview.web.UrlIds.ItemId;
import io.sanjiaodi.platform.web.idempotency.IdempotencyKeys;
import jakarta.validation.Valid;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/** Preparing the three lists: every item gets a stable id and can be revised or removed until the talk. */
@RestController
@Validated
@RequestMapping("/api/interviews/{interviewId}")
class ListController {

    private final CommandGateway commands;
    private final TemplateQueries templates;
    private final SourceSealer sealer;

    ListController(CommandGateway commands, TemplateQueries templates, SourceSealer sealer) {
        this.commands = commands;
        this.templates = templates;
        this.sealer = sealer;
    }

    @PostMapping("/responsibilities")
    @ResponseStatus(HttpStatus.CREATED)
    Created addResponsibility(@PathVariable InterviewId interviewId, @Valid @RequestBody ResponsibilityBody body) {
        String itemId = newItemId();
        commands.sendAndWait(new AddResponsibilityItem(interviewId, responsibility(itemId, body)));
        return new Created(itemId);
    }

    /** Copies a published template's required actions; each copy gets its own item id. */
    @PostMapping("/responsibilities/from-template")
    @ResponseStatus(HttpStatus.CREATED)
    List<String> applyTemplate(@PathVariable InterviewId interviewId, @Valid @RequestBody TemplateRef body) {
        TemplateView template = templates.published(body.templateId());
        List<ResponsibilityItem> items = new java.util.ArrayList<>();
        for (var i : template.items) {
            String itemId = IdempotencyKeys.derivedId("item-" + items.size());
            items.add(new ResponsibilityItem(itemId, ResponsibilityKind.REQUIRED, i.text(), template.templateId));
        }
        commands.sendAndWait(new ApplyResponsibilityTemplate(interviewId, template.templateId, items));
        return items.stream().map(ResponsibilityItem::itemId).toList();
    }

    @PutMapping("/responsibilities/{itemId}")
    void reviseResponsibility(
            @PathVariable InterviewId interviewId,
            @PathVariable ItemId itemId,
            @Valid @RequestBody ResponsibilityBody body) {
        commands.sendAndWait(new ReviseResponsibilityItem(interviewId, responsibility(itemId.value(), body)));
    }

    @DeleteMapping("/responsibilities/{itemId}")
    void removeResponsibility(@PathVariable InterviewId interviewId, @PathVariable ItemId itemId) {
        commands.sendAndWait(new RemoveResponsibilityItem(interviewId, itemId.value()));
    }

    @PostMapping("/problems")
    @ResponseStatus(HttpStatus.CREATED)
    Created addProblem(@PathVariable InterviewId interviewId, @Valid @RequestBody ProblemBody body) {
        String itemId = newItemId();
        commands.sendAndWait(new AddProblemItem(interviewId, problem(interviewId, itemId, body)));
        return new Created(itemId);
    }

    @PutMapping("/problems/{itemId}")
    void reviseProblem(
            @PathVariable InterviewId interviewId, @PathVariable ItemId itemId, @Valid @RequestBody ProblemBody body) {
        commands.sendAndWait(new ReviseProblemItem(interviewId, problem(interviewId, itemId.value(), body)));
    }

    @DeleteMapping("/problems/{itemId}")
    void removeProblem(@PathVariable InterviewId interviewId, @PathVariable ItemId itemId) {
        commands.sendAndWait(new RemoveProblemItem(interviewId, itemId.value()));
    }

    @PostMapping("/risks")
    @ResponseStatus(HttpStatus.CREATED)
    Created addRisk(@PathVariable InterviewId interviewId, @Valid @RequestBody RiskBody body) {
        String itemId = newItemId();
        commands.sendAndWait(new AddRiskItem(interviewId, risk(itemId, body)));
        return new Created(itemId);
    }

    @PutMapping("/risks/{itemId}")
    void reviseRisk(
            @PathVariable InterviewId interviewId, @PathVariable ItemId itemId, @Valid @RequestBody RiskBody body) {
        commands.sendAndWait(new ReviseRiskItem(interviewId, risk(itemId.value(), body)));
    }

    @DeleteMapping("/risks/{itemId}")
    void removeRisk(@PathVariable InterviewId interviewId, @PathVariable ItemId itemId) {
        commands.sendAndWait(new RemoveRiskItem(interviewId, itemId.value()));
    }

    /** Random, or under an Idempotency-Key the same on every run of the request (IdempotencyKeys). */
    private static String newItemId() {
        return IdempotencyKeys.derivedId("item");
    }

    private static ResponsibilityItem responsibility(String itemId, ResponsibilityBody body) {
        ResponsibilityKind kind = body.kind() == null ? ResponsibilityKind.CUSTOM : body.kind();
        return new ResponsibilityItem(itemId, kind, body.text(), null);
    }

    /** The source is sealed here, before the command: it never travels or is stored in clear. */
    private ProblemItem problem(InterviewId interviewId, String itemId, ProblemBody body) {
        var source = body.confidentialSource();
        return new ProblemItem(
                itemId,
                body.aspect(),
                body.description(),
                body.sourceChannel(),
                null,
                sealer.seal(
                        interviewId.value(),
                        itemId,
                        source == null ? null : new ConfidentialSource(source.details(), source.reference())));
    }

    private static RiskItem risk(String itemId, RiskBody body) {
        return new RiskItem(
                itemId,
                body.businessArea(),
                body.description(),
                body.typicalCases(),
                body.preventionExpectations(),
                body.level());
    }
}
