package io.sanjiaodi.interview.command.template;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sanjiaodi.contracts.template.ResponsibilityTemplateCreated;
import io.sanjiaodi.contracts.template.ResponsibilityTemplateItemAdded;
import io.sanjiaodi.contracts.template.ResponsibilityTemplateItemRemoved;
import io.sanjiaodi.contracts.template.ResponsibilityTemplatePublished;
import io.sanjiaodi.contracts.template.ResponsibilityTemplatePublished.Item;
import io.sanjiaodi.interview.command.template.TemplateCommands.*;
import io.sanjiaodi.platform.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A year's required actions (规定动作) for one jurisdiction; editable until published, then fixed. */
@Aggregate(cache = "aggregateCache")
public class ResponsibilityTemplate {

    @AggregateIdentifier
    private String templateId;

    private int year;
    private String jurisdictionId;
    private boolean published;
    private final Map<String, String> items = new LinkedHashMap<>();

    protected ResponsibilityTemplate() {
        // for Axon
    }

    @CommandHandler
    public ResponsibilityTemplate(CreateTemplate c) {
        if (c.year() < 2000 || c.year() > 2100) {
            throw Refusal.unprocessable("TEMPLATE_YEAR_INVALID", "year " + c.year() + " is out of range");
        }
        if (c.jurisdictionId() == null || c.jurisdictionId().isBlank()) {
            throw Refusal.unprocessable("JURISDICTION_REQUIRED", "a template belongs to a jurisdiction");
        }
        apply(new ResponsibilityTemplateCreated(c.templateId(), c.year(), c.jurisdictionId(), c.title()));
    }

    @CommandHandler
    public void handle(AddTemplateItem c) {
        requireDraft();
        if (c.text() == null || c.text().isBlank()) {
            throw Refusal.unprocessable("ITEM_TEXT_REQUIRED", "a required action needs its text");
        }
        apply(new ResponsibilityTemplateItemAdded(templateId, c.itemId(), c.text()));
    }

    @CommandHandler
    public void handle(RemoveTemplateItem c) {
        requireDraft();
        if (!items.containsKey(c.itemId())) {
            throw Refusal.notFound("ITEM_NOT_FOUND", "no item " + c.itemId() + " in template " + templateId);
        }
        apply(new ResponsibilityTemplateItemRemoved(templateId, c.itemId()));
    }

    @CommandHandler
    public void handle(PublishTemplate c) {
        requireDraft();
        if (items.isEmpty()) {
            throw Refusal.unprocessable("TEMPLATE_EMPTY", "an empty template cannot be published");
        }
        var published = new ArrayList<Item>();
        items.forEach((id, text) -> published.add(new Item(id, text)));
        apply(new ResponsibilityTemplatePublished(templateId, year, jurisdictionId, published));
    }

    private void requireDraft() {
        if (published) {
            throw Refusal.conflict("TEMPLATE_PUBLISHED", "template " + templateId + " is published and fixed");
        }
    }

    @EventSourcingHandler
    void on(ResponsibilityTemplateCreated e) {
        templateId = e.templateId();
        year = e.year();
        jurisdictionId = e.jurisdictionId();
    }

    @EventSourcingHandler
    void on(ResponsibilityTemplateItemAdded e) {
        items.put(e.itemId(), e.text());
    }

    @EventSourcingHandler
    void on(ResponsibilityTemplateItemRemoved e) {
        items.remove(e.itemId());
    }

    @EventSourcingHandler
    void on(ResponsibilityTemplatePublished e) {
        published = true;
    }
}
