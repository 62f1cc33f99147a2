package io.sanjiaodi.contracts.template;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ResponsibilityTemplateItemRemoved(String templateId, String itemId) {}
