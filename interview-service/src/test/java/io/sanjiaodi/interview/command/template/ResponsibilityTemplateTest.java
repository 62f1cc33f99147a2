package io.sanjiaodi.interview.command.template;

import static io.sanjiaodi.platform.testing.Refusals.refused;

import io.sanjiaodi.contracts.template.ResponsibilityTemplateCreated;
import io.sanjiaodi.contracts.template.ResponsibilityTemplateItemAdded;
import io.sanjiaodi.contracts.template.ResponsibilityTemplateItemRemoved;
import io.sanjiaodi.contracts.template.ResponsibilityTemplatePublished;
import io.sanjiaodi.contracts.template.ResponsibilityTemplatePublished.Item;
import io.sanjiaodi.interview.command.template.TemplateCommands.*;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResponsibilityTemplateTest {

    private static final ResponsibilityTemplateCreated CREATED =
            new ResponsibilityTemplateCreated("tpl", 2018, "ningbo", "2018年度规定动作");
    private static final ResponsibilityTemplateItemAdded FIRST =
            new ResponsibilityTemplateItemAdded("tpl", "t1", "专题研究");

    private FixtureConfiguration<ResponsibilityTemplate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ResponsibilityTemplate.class);
    }

    @Test
    void aTemplateIsCreatedForAYearAndAJurisdiction() {
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate("tpl", 2018, "ningbo", "2018年度规定动作"))
                .expectEvents(CREATED);
    }

    @Test
    void aYearOutOfRangeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate("tpl", 1899, "ningbo", "x"))
                .expectNoEvents()
                .expectException(refused("TEMPLATE_YEAR_INVALID"));
    }

    @Test
    void itemsAreAddedAndRemovedWhileDraft() {
        fixture.given(CREATED).when(new AddTemplateItem("tpl", "t1", "专题研究")).expectEvents(FIRST);
        fixture.given(CREATED, FIRST)
                .when(new RemoveTemplateItem("tpl", "t1"))
                .expectEvents(new ResponsibilityTemplateItemRemoved("tpl", "t1"));
    }

    @Test
    void publishingFixesTheItems() {
        fixture.given(CREATED, FIRST)
                .when(new PublishTemplate("tpl"))
                .expectEvents(
                        new ResponsibilityTemplatePublished("tpl", 2018, "ningbo", List.of(new Item("t1", "专题研究"))));
    }

    @Test
    void anEmptyTemplateCannotBePublished() {
        fixture.given(CREATED)
                .when(new PublishTemplate("tpl"))
                .expectNoEvents()
                .expectException(refused("TEMPLATE_EMPTY"));
    }

    @Test
    void aPublishedTemplateCannotBeChanged() {
        var published = new ResponsibilityTemplatePublished("tpl", 2018, "ningbo", List.of(new Item("t1", "专题研究")));
        fixture.given(CREATED, FIRST, published)
                .when(new AddTemplateItem("tpl", "t2", "新增"))
                .expectNoEvents()
                .expectException(refused("TEMPLATE_PUBLISHED"));
    }
}
