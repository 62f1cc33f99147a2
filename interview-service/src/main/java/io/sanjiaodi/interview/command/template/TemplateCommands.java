package io.sanjiaodi.interview.command.template;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the {@link ResponsibilityTemplate} aggregate. */
public final class TemplateCommands {

    private TemplateCommands() {}

    public record CreateTemplate(
            @TargetAggregateIdentifier String templateId, int year, String jurisdictionId, String title) {}

    public record AddTemplateItem(@TargetAggregateIdentifier String templateId, String itemId, String text) {}

    public record RemoveTemplateItem(
            @TargetAggregateIdentifier String templateId, String itemId) {}

    public record PublishTemplate(@TargetAggregateIdentifier String templateId) {}
}
