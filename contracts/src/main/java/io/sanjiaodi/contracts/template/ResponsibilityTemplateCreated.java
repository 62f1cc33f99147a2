package io.sanjiaodi.contracts.template;

import org.axonframework.serialization.Revision;

/** A year's template of required actions (规定动作) for one jurisdiction was started. */
@Revision("1")
public record ResponsibilityTemplateCreated(String templateId, int year, String jurisdictionId, String title) {}
