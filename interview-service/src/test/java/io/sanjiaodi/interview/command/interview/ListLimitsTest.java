package io.sanjiaodi.interview.command.interview;

import static io.sanjiaodi.interview.command.interview.Given.*;
import static io.sanjiaodi.platform.testing.Refusals.refused;

import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityKind;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskLevel;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import io.sanjiaodi.contracts.interview.ProblemItemAdded;
import io.sanjiaodi.contracts.interview.ProblemItemRemoved;
import io.sanjiaodi.contracts.interview.ResponsibilityItemAdded;
import io.sanjiaodi.contracts.interview.RiskItemAdded;
import io.sanjiaodi.interview.command.interview.InterviewCommands.AddProblemItem;
import io.sanjiaodi.interview.command.interview.InterviewCommands.AddResponsibilityItem;
import io.sanjiaodi.interview.command.interview.InterviewCommands.AddRiskItem;
import io.sanjiaodi.interview.command.interview.InterviewCommands.ApplyResponsibilityTemplate;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.ActorDispatchInterceptor;
import io.sanjiaodi.platform.settings.Limits;
import io.sanjiaodi.platform.testing.CommonLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each of the three lists holds at most {@code sanjiaodi.limits.items-per-list} items (the value the
 * services run with): one short of it takes one more, a full list refuses LIST_FULL and records nothing.
 */
class ListLimitsTest {

    static final Limits LIMITS = CommonLimits.load();
    static final int FULL = LIMITS.itemsPerList();

    private FixtureConfiguration<Interview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Interview.class)
                .registerCommandDispatchInterceptor(new ActorDispatchInterceptor("interview-service"))
                .registerInjectableResource(LIMITS);
    }

    private static ProblemItem problem(int n) {
        return new ProblemItem("p" + n, "制度建设", "问题 " + n, SourceChannel.INSPECTION_TOUR, null);
    }

    private static ResponsibilityItem duty(int n) {
        return new ResponsibilityItem("d" + n, ResponsibilityKind.CUSTOM, "职责 " + n, null);
    }

    private static RiskItem risk(int n) {
        return new RiskItem("k" + n, "采购", "风险 " + n, null, null, RiskLevel.LOW);
    }

    /** The interview scheduled, then {@code count} items added by {@code added} (list versions 1..count). */
    private static List<Object> scheduledWith(int count, java.util.function.IntFunction<Object> added) {
        List<Object> events = new ArrayList<>();
        events.add(SCHEDULED);
        IntStream.rangeClosed(1, count).forEach(n -> events.add(added.apply(n)));
        return events;
    }

    @Test
    void aProblemListOneShortOfTheLimitTakesOneMoreItem() {
        fixture.given(scheduledWith(FULL - 1, n -> new ProblemItemAdded("iv-1", problem(n), n)))
                .when(new AddProblemItem(ID, problem(FULL)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProblemItemAdded("iv-1", problem(FULL), FULL));
    }

    @Test
    void aFullProblemListRefusesTheNextItemAsListFullAndRecordsNothing() {
        fixture.given(scheduledWith(FULL, n -> new ProblemItemAdded("iv-1", problem(n), n)))
                .when(new AddProblemItem(ID, problem(FULL + 1)))
                .expectException(refused("LIST_FULL", Refusal.Kind.UNPROCESSABLE))
                .expectNoEvents();
    }

    @Test
    void aFullProblemListThatLostAnItemTakesOneAgain() {
        List<Object> given = scheduledWith(FULL, n -> new ProblemItemAdded("iv-1", problem(n), n));
        given.add(new ProblemItemRemoved("iv-1", "p1", FULL + 1));
        fixture.given(given)
                .when(new AddProblemItem(ID, problem(FULL + 1)))
                .expectEvents(new ProblemItemAdded("iv-1", problem(FULL + 1), FULL + 2));
    }

    @Test
    void aResponsibilityListOneShortOfTheLimitTakesOneMoreItem() {
        fixture.given(scheduledWith(FULL - 1, n -> new ResponsibilityItemAdded("iv-1", duty(n), n)))
                .when(new AddResponsibilityItem(ID, duty(FULL)))
                .expectEvents(new ResponsibilityItemAdded("iv-1", duty(FULL), FULL));
    }

    @Test
    void aFullResponsibilityListRefusesTheNextItemAsListFull() {
        fixture.given(scheduledWith(FULL, n -> new ResponsibilityItemAdded("iv-1", duty(n), n)))
                .when(new AddResponsibilityItem(ID, duty(FULL + 1)))
                .expectException(refused("LIST_FULL", Refusal.Kind.UNPROCESSABLE))
                .expectNoEvents();
    }

    @Test
    void aTemplateThatWouldOverfillTheResponsibilityListAddsNoneOfItsItems() {
        fixture.given(scheduledWith(FULL - 1, n -> new ResponsibilityItemAdded("iv-1", duty(n), n)))
                .when(new ApplyResponsibilityTemplate(ID, "tpl-2018", List.of(duty(FULL), duty(FULL + 1))))
                .expectException(refused("LIST_FULL", Refusal.Kind.UNPROCESSABLE))
                .expectNoEvents();
    }

    @Test
    void aTemplateThatJustFillsTheResponsibilityListIsApplied() {
        fixture.given(scheduledWith(FULL - 2, n -> new ResponsibilityItemAdded("iv-1", duty(n), n)))
                .when(new ApplyResponsibilityTemplate(ID, "tpl-2018", List.of(duty(FULL - 1), duty(FULL))))
                .expectEvents(
                        new ResponsibilityItemAdded("iv-1", duty(FULL - 1), FULL - 1),
                        new ResponsibilityItemAdded("iv-1", duty(FULL), FULL));
    }

    @Test
    void aRiskListOneShortOfTheLimitTakesOneMoreItem() {
        fixture.given(scheduledWith(FULL - 1, n -> new RiskItemAdded("iv-1", risk(n), n)))
                .when(new AddRiskItem(ID, risk(FULL)))
                .expectEvents(new RiskItemAdded("iv-1", risk(FULL), FULL));
    }

    @Test
    void aFullRiskListRefusesTheNextItemAsListFull() {
        fixture.given(scheduledWith(FULL, n -> new RiskItemAdded("iv-1", risk(n), n)))
                .when(new AddRiskItem(ID, risk(FULL + 1)))
                .expectException(refused("LIST_FULL", Refusal.Kind.UNPROCESSABLE))
                .expectNoEvents();
    }

    @Test
    void aFullProblemListLeavesTheOtherListsRoom() {
        fixture.given(scheduledWith(FULL, n -> new ProblemItemAdded("iv-1", problem(n), n)))
                .when(new AddRiskItem(ID, risk(1)))
                .expectEvents(new RiskItemAdded("iv-1", risk(1), FULL + 1));
    }
}
