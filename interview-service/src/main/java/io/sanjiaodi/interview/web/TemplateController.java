package io.sanjiaodi.interview.web;

import io.sanjiaodi.interview.command.template.TemplateCommands.*;
import io.sanjiaodi.interview.query.templates.TemplateQueries;
import io.sanjiaodi.interview.query.templates.TemplateView;
import io.sanjiaodi.interview.web.InterviewRequests.Created;
import io.sanjiaodi.interview.web.InterviewRequests.TemplateBody;
import io.sanjiaodi.interview.web.InterviewRequests.TemplateItemBody;
import io.sanjiaodi.interview.web.UrlIds.ItemId;
import io.sanjiaodi.interview.web.UrlIds.JurisdictionId;
import io.sanjiaodi.interview.web.UrlIds.TemplateId;
import io.sanjiaodi.platform.web.idempotency.IdempotencyKeys;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/** The per-year, per-jurisdiction templates of required actions (规定动作). */
@RestController
@Validated
@RequestMapping("/api/templates")
class TemplateController {

    private final CommandGateway commands;
    private final TemplateQueries queries;

    TemplateController(CommandGateway commands, TemplateQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@Valid @RequestBody TemplateBody body) {
        String id = "tpl-" + IdempotencyKeys.derivedId("template"); // a retry names the same one
        commands.sendAndWait(new CreateTemplate(id, body.year(), body.jurisdictionId(), body.title()));
        return new Created(id);
    }

    @PostMapping("/{templateId}/items")
    @ResponseStatus(HttpStatus.CREATED)
    Created addItem(@PathVariable TemplateId templateId, @Valid @RequestBody TemplateItemBody body) {
        String itemId = IdempotencyKeys.derivedId("template-item");
        commands.sendAndWait(new AddTemplateItem(templateId.value(), itemId, body.text()));
        return new Created(itemId);
    }

    @DeleteMapping("/{templateId}/items/{itemId}")
    void removeItem(@PathVariable TemplateId templateId, @PathVariable ItemId itemId) {
        commands.sendAndWait(new RemoveTemplateItem(templateId.value(), itemId.value()));
    }

    @PostMapping("/{templateId}/publish")
    void publish(@PathVariable TemplateId templateId) {
        commands.sendAndWait(new PublishTemplate(templateId.value()));
    }

    @GetMapping("/{templateId}")
    TemplateView get(@PathVariable TemplateId templateId) {
        return queries.get(templateId.value());
    }

    @GetMapping
    List<TemplateView> find(
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @RequestParam(required = false) JurisdictionId jurisdictionId) {
        return queries.find(year, UrlIds.valueOf(jurisdictionId));
    }
}
