package io.sanjiaodi.contracts.template;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ResponsibilityTemplateItemAdded(String templateId, String itemId, String text) {}
