package io.sanjiaodi.interview.command.template;

import static io.sanjiaodi.platform.testing.Refusals.refused;

import io.sanjiaodi.contracts.template.ResponsibilityTemplateCreated;
import io.sanjiaodi.contracts.template.ResponsibilityTemplateItemAdded;
import io.sanjiaodi.contracts.template.ResponsibilityTemplateItemRemoved;
import io.sanjiaodi.contracts.template.ResponsibilityTemplatePublished;
import io.sanjiaodi.contracts.template.ResponsibilityTemplatePublished.Item;
import io.sanjiaodi.interview.command.template.TemplateCommands.*;
import io.sanjiaodi.platform.Refusal;
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

    /** A template's year lies between 2000 and 2100, both included. */
    @Test
    void aTemplatesYearLiesBetween2000And2100() {
        for (int year : new int[] {2000, 2100}) {
            fixture.givenNoPriorActivity()
                    .when(new CreateTemplate("tpl", year, "ningbo", "规定动作"))
                    .expectEvents(new ResponsibilityTemplateCreated("tpl", year, "ningbo", "规定动作"));
        }
        for (int year : new int[] {1999, 2101}) {
            fixture.givenNoPriorActivity()
                    .when(new CreateTemplate("tpl", year, "ningbo", "规定动作"))
                    .expectNoEvents()
                    .expectException(refused("TEMPLATE_YEAR_INVALID", Refusal.Kind.UNPROCESSABLE));
        }
    }

    @Test
    void aTemplateBelongsToAJurisdiction() {
        fixture.givenNoPriorActivity()
                .when(new CreateTemplate("tpl", 2018, " ", "x"))
                .expectNoEvents()
                .expectException(refused("JURISDICTION_REQUIRED"));
    }

    @Test
    void aRequiredActionNeedsItsText() {
        fixture.given(CREATED)
                .when(new AddTemplateItem("tpl", "t2", " "))
                .expectNoEvents()
                .expectException(refused("ITEM_TEXT_REQUIRED"));
    }

    @Test
    void onlyAnItemOfTheTemplateCanBeRemoved() {
        fixture.given(CREATED, FIRST)
                .when(new RemoveTemplateItem("tpl", "t9"))
                .expectNoEvents()
                .expectException(refused("ITEM_NOT_FOUND", Refusal.Kind.NOT_FOUND));
    }

    /** Once published, no item is added or removed and it is not published a second time. */
    @Test
    void aPublishedTemplateIsFixedForEveryCommand() {
        var published = new ResponsibilityTemplatePublished("tpl", 2018, "ningbo", List.of(new Item("t1", "专题研究")));
        for (Object command : List.of(
                new AddTemplateItem("tpl", "t2", "新增"),
                new RemoveTemplateItem("tpl", "t1"),
                new PublishTemplate("tpl"))) {
            fixture.given(CREATED, FIRST, published)
                    .when(command)
                    .expectNoEvents()
                    .expectException(refused("TEMPLATE_PUBLISHED", Refusal.Kind.CONFLICT));
        }
    }
}
