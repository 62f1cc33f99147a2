package io.sanjiaodi.interview.query.templates;

import io.sanjiaodi.contracts.template.ResponsibilityTemplateCreated;
import io.sanjiaodi.contracts.template.ResponsibilityTemplateItemAdded;
import io.sanjiaodi.contracts.template.ResponsibilityTemplateItemRemoved;
import io.sanjiaodi.contracts.template.ResponsibilityTemplatePublished;
import io.sanjiaodi.contracts.template.ResponsibilityTemplatePublished.Item;
import java.util.ArrayList;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Every handler is idempotent by construction (set, not append-blindly). */
@Component
@ProcessingGroup("templates")
public class TemplateProjection {

    private final MongoTemplate mongo;

    public TemplateProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ResponsibilityTemplateCreated e) {
        change(e.templateId(), t -> {
            t.year = e.year();
            t.jurisdictionId = e.jurisdictionId();
            t.title = e.title();
        });
    }

    @EventHandler
    void on(ResponsibilityTemplateItemAdded e) {
        change(e.templateId(), t -> {
            t.items.removeIf(i -> i.itemId().equals(e.itemId()));
            t.items.add(new Item(e.itemId(), e.text()));
        });
    }

    @EventHandler
    void on(ResponsibilityTemplateItemRemoved e) {
        change(e.templateId(), t -> t.items.removeIf(i -> i.itemId().equals(e.itemId())));
    }

    @EventHandler
    void on(ResponsibilityTemplatePublished e) {
        change(e.templateId(), t -> {
            t.published = true;
            t.items = new ArrayList<>(e.items());
        });
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(TemplateView.class);
    }

    private void change(String templateId, Consumer<TemplateView> change) {
        TemplateView view = mongo.findById(templateId, TemplateView.class);
        if (view == null) {
            view = new TemplateView();
            view.templateId = templateId;
        }
        change.accept(view);
        mongo.save(view);
    }
}
