package io.sanjiaodi.contracts.template;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The template is final: interviews of that year and jurisdiction copy exactly these items. */
@Revision("1")
public record ResponsibilityTemplatePublished(String templateId, int year, String jurisdictionId, List<Item> items) {

    public ResponsibilityTemplatePublished {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public record Item(String itemId, String text) {}
}
