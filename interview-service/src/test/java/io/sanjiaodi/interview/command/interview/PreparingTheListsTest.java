package io.sanjiaodi.interview.command.interview;

import static io.sanjiaodi.interview.command.interview.Given.*;
import static io.sanjiaodi.platform.testing.Refusals.refused;

import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityKind;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskLevel;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import io.sanjiaodi.contracts.interview.ProblemItemAdded;
import io.sanjiaodi.contracts.interview.ProblemItemRemoved;
import io.sanjiaodi.contracts.interview.ProblemItemRevised;
import io.sanjiaodi.contracts.interview.ResponsibilityItemAdded;
import io.sanjiaodi.contracts.interview.ResponsibilityItemRemoved;
import io.sanjiaodi.contracts.interview.ResponsibilityItemRevised;
import io.sanjiaodi.contracts.interview.RiskItemAdded;
import io.sanjiaodi.contracts.interview.RiskItemRemoved;
import io.sanjiaodi.contracts.interview.RiskItemRevised;
import io.sanjiaodi.interview.command.interview.InterviewCommands.*;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.ActorDispatchInterceptor;
import io.sanjiaodi.platform.testing.CommonLimits;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The three lists while they are prepared: each list changes only its own items, and what is frozen is what is left. */
class PreparingTheListsTest {

    static final ResponsibilityItem REVISED_DUTY =
            new ResponsibilityItem("d1", ResponsibilityKind.REQUIRED, "每季度研究一次党风廉政建设", "tpl-2018");
    static final ProblemItem REVISED_PROBLEM =
            new ProblemItem("p1", "工程建设", "招投标监管缺位", SourceChannel.INSPECTION_TOUR, null);
    static final RiskItem REVISED_RISK = new RiskItem("k1", "道路运输", "运输许可审批", null, "审批全程留痕", RiskLevel.MEDIUM);
    static final ResponsibilityItem SECOND_DUTY = new ResponsibilityItem("d2", ResponsibilityKind.CUSTOM, "廉政家访", null);
    static final RiskItem SECOND_RISK = new RiskItem("k2", "采购", "食材采购", null, null, RiskLevel.LOW);

    private FixtureConfiguration<Interview> fixture;

    @BeforeEach
    void setUp() {
        // the service's own actor: these tests are about the rules, ScopeOnTheInterviewTest about who
        fixture = new AggregateTestFixture<>(Interview.class)
                .registerCommandDispatchInterceptor(new ActorDispatchInterceptor("interview-service"))
                .registerInjectableResource(CommonLimits.load());
    }

    private static InterviewConducted conductedWith(FrozenLists frozen) {
        return new InterviewConducted(
                "iv-1",
                TRANSPORT_LEADER,
                TALK,
                "市纪委监委谈话室",
                SECRETARY.ref(),
                DIRECTOR.ref(),
                "谈话要点：落实主体责任",
                SIGNED,
                SIGNED,
                frozen,
                ListsHash.v2(frozen),
                2);
    }

    @Test
    void anExistingRiskCanBeRevisedAndRemoved() {
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED)
                .when(new ReviseRiskItem(ID, REVISED_RISK))
                .expectEvents(new RiskItemRevised("iv-1", REVISED_RISK, 4));
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED)
                .when(new RemoveRiskItem(ID, "k1"))
                .expectEvents(new RiskItemRemoved("iv-1", "k1", 4));
    }

    @Test
    void anExistingProblemCanBeRevised() {
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED)
                .when(new ReviseProblemItem(ID, REVISED_PROBLEM))
                .expectEvents(new ProblemItemRevised("iv-1", REVISED_PROBLEM, 4));
    }

    /** An item id names an item of one list: the other lists' commands do not find it. */
    @Test
    void anItemIsRevisedOrRemovedOnlyThroughItsOwnList() {
        var notAResponsibility = new ResponsibilityItem("p1", ResponsibilityKind.CUSTOM, "x", null);
        var notAProblem = new ProblemItem("k1", "x", "x", SourceChannel.DAILY_SUPERVISION, null);
        var notARisk = new RiskItem("d1", "x", "x", null, null, RiskLevel.LOW);
        for (Object command : List.of(
                new ReviseResponsibilityItem(ID, notAResponsibility),
                new RemoveResponsibilityItem(ID, "k1"),
                new ReviseProblemItem(ID, notAProblem),
                new RemoveProblemItem(ID, "d1"),
                new ReviseRiskItem(ID, notARisk),
                new RemoveRiskItem(ID, "p1"))) {
            fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED)
                    .when(command)
                    .expectNoEvents()
                    .expectException(refused("ITEM_NOT_FOUND", Refusal.Kind.NOT_FOUND));
        }
    }

    @Test
    void aRemovedItemIsGoneFromItsListAndItsIdIsFreeAgain() {
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, new ProblemItemRemoved("iv-1", "p1", 3))
                .when(new ReviseProblemItem(ID, REVISED_PROBLEM))
                .expectNoEvents()
                .expectException(refused("ITEM_NOT_FOUND"));
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, new ProblemItemRemoved("iv-1", "p1", 3))
                .when(new AddProblemItem(ID, PROBLEM))
                .expectEvents(new ProblemItemAdded("iv-1", PROBLEM, 4));
    }

    @Test
    void theFrozenListsHoldTheRevisedItemsAtTheLastVersion() {
        fixture.given(
                        SCHEDULED,
                        DUTY_ADDED,
                        PROBLEM_ADDED,
                        RISK_ADDED,
                        new ResponsibilityItemRevised("iv-1", REVISED_DUTY, 4),
                        new ProblemItemRevised("iv-1", REVISED_PROBLEM, 5),
                        new RiskItemRevised("iv-1", REVISED_RISK, 6))
                .when(conductBy(SECRETARY, false))
                .expectEvents(conductedWith(
                        new FrozenLists(6, List.of(REVISED_DUTY), List.of(REVISED_PROBLEM), List.of(REVISED_RISK))));
    }

    @Test
    void theFrozenListsLeaveOutEveryRemovedItem() {
        fixture.given(
                        SCHEDULED,
                        DUTY_ADDED,
                        PROBLEM_ADDED,
                        RISK_ADDED,
                        new ProblemItemRemoved("iv-1", "p1", 4),
                        new ResponsibilityItemAdded("iv-1", SECOND_DUTY, 5),
                        new ResponsibilityItemRemoved("iv-1", "d1", 6),
                        new RiskItemAdded("iv-1", SECOND_RISK, 7),
                        new RiskItemRemoved("iv-1", "k1", 8))
                .when(conductBy(SECRETARY, true))
                .expectEvents(conductedWith(new FrozenLists(8, List.of(SECOND_DUTY), List.of(), List.of(SECOND_RISK))));
    }

    /** A template is copied whole or not at all: one item already on a list refuses it, and nothing is added. */
    @Test
    void aTemplateWithAnItemAlreadyOnTheListsIsRefusedAsAWhole() {
        var fresh = new ResponsibilityItem("a", ResponsibilityKind.REQUIRED, "规定动作一", "tpl-2018");
        var taken = new ResponsibilityItem("k1", ResponsibilityKind.REQUIRED, "规定动作二", "tpl-2018");
        fixture.given(SCHEDULED, DUTY_ADDED, PROBLEM_ADDED, RISK_ADDED)
                .when(new ApplyResponsibilityTemplate(ID, "tpl-2018", List.of(fresh, taken)))
                .expectNoEvents()
                .expectException(refused("ITEM_EXISTS", Refusal.Kind.CONFLICT));
    }

    @Test
    void aListItemNeedsAnId() {
        fixture.given(SCHEDULED)
                .when(new AddResponsibilityItem(ID, new ResponsibilityItem(" ", ResponsibilityKind.CUSTOM, "x", null)))
                .expectNoEvents()
                .expectException(refused("ITEM_ID_REQUIRED", Refusal.Kind.UNPROCESSABLE));
    }
}
