package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.Given.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.*;
import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.contracts.rectification.RectificationOpened.Task;
import io.sanjiaodi.contracts.rectification.RectificationOpened.TaskKind;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Opening a ledger from a conducted interview and planning its tasks (Given: scenario 3). */
class OpeningAndPlanningTest {

    private final FixtureConfiguration<Rectification> fixture = Given.ledger();

    @Test
    void aConductedInterviewOpensALedgerWithOneTaskPerListItemAndItsDueDates() {
        fixture.givenNoPriorActivity()
                .when(new OpenRectification(LEDGER, CONDUCTED, PLAN_DUE, REPORT_DUE))
                .expectEvents(OPENED);
    }

    @Test
    void theLedgerIdIsTheInterviewIdPrefixedSoOneInterviewNamesOneLedger() {
        assertThat(LedgerId.forInterview("iv-9").value()).isEqualTo("ledger-iv-9");
        assertThat(LedgerId.forInterview("iv-10")).hasToString("ledger-iv-10");
    }

    @Test
    void aLedgerIdIsMadeOnlyOfLettersDigitsDashesAndUnderscores() {
        assertThatThrownBy(() -> new LedgerId("ledger-{\"$ne\": null}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ledger id");
        assertThatThrownBy(() -> new LedgerId("l".repeat(161))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerId(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new LedgerId("l".repeat(160)).value()).hasSize(160);
    }

    @Test
    void aLedgerOpenedBeforeDueDatesWereRecordedStillAcceptsAPlanWithAnyDeadline() {
        fixture.given(new RectificationOpened(L, "iv-9", UNIT, "余姚市人民医院", JUR, TASKS, null, null, null))
                .when(new PlanTask(LEDGER, "task-p1", "院长", "院办", LocalDate.of(2000, 1, 1), "措施", ActorRole.UNIT))
                .expectEvents(
                        new TaskPlanned(L, "task-p1", UNIT, JUR, "院长", "院办", LocalDate.of(2000, 1, 1), "措施", "UNIT"));
    }

    @Test
    void theUnitPlansATaskWithLeaderDepartmentDeadlineAndMeasures() {
        fixture.given(OPENED)
                .when(new PlanTask(LEDGER, "task-p1", "院长", "院办", DEADLINE, "建立耗材采购监管制度", ActorRole.UNIT))
                .expectEvents(planned("task-p1"));
    }

    @Test
    void aDeadlineBeforeTheTalkIsRefused() {
        refused(
                fixture.given(OPENED)
                        .when(new PlanTask(LEDGER, "task-p1", "院长", "院办", TALK.minusDays(1), "措施", ActorRole.UNIT)),
                "DEADLINE_BEFORE_TALK",
                Refusal.Kind.UNPROCESSABLE);
    }

    @Test
    void aDeadlineOnTheDayOfTheTalkIsAccepted() {
        fixture.given(OPENED)
                .when(new PlanTask(LEDGER, "task-p1", "院长", "院办", TALK, "措施", ActorRole.UNIT))
                .expectEvents(new TaskPlanned(L, "task-p1", UNIT, JUR, "院长", "院办", TALK, "措施", "UNIT"));
    }

    @Test
    void aPlanWithoutAResponsibleLeaderIsRefused() {
        refusedToMake(
                () -> new PlanTask(LEDGER, "task-p1", " ", "院办", DEADLINE, "措施", ActorRole.UNIT),
                "RESPONSIBLE_LEADER_REQUIRED");
    }

    @Test
    void aPlanWithoutADeadlineIsRefused() {
        refused(
                fixture.given(OPENED).when(new PlanTask(LEDGER, "task-p1", "院长", "院办", null, "措施", ActorRole.UNIT)),
                "DEADLINE_REQUIRED",
                Refusal.Kind.UNPROCESSABLE);
    }

    @Test
    void aSupervisorDoesNotWriteTheUnitsPlan() {
        refused(
                fixture.given(OPENED)
                        .when(new PlanTask(LEDGER, "task-p1", "院长", "院办", DEADLINE, "措施", ActorRole.SUPERVISOR)),
                "ROLE_NOT_ALLOWED",
                Refusal.Kind.FORBIDDEN);
    }

    @Test
    void anUnknownTaskIsNotFound() {
        refused(
                fixture.given(OPENED).when(new PlanTask(LEDGER, "task-x", "院长", "院办", DEADLINE, "措施", ActorRole.UNIT)),
                "TASK_NOT_FOUND",
                Refusal.Kind.NOT_FOUND);
    }

    @Test
    void aPlannedTaskIsRevisedNotPlannedAgain() {
        refused(
                fixture.given(OPENED, planned("task-p1"))
                        .when(new PlanTask(LEDGER, "task-p1", "院长", "院办", DEADLINE, "措施", ActorRole.UNIT)),
                "TASK_ALREADY_PLANNED",
                Refusal.Kind.CONFLICT);
    }

    @Test
    void aRevisionIsRecordedWithItsNumberAndReason() {
        fixture.given(
                        OPENED,
                        planned("task-p1"),
                        new TaskPlanRevised(L, "task-p1", UNIT, JUR, 1, "副院长", "采购办", "措施二", "分工调整", "UNIT"))
                .when(new RevisePlan(LEDGER, "task-p1", "副院长", "纪检办", "措施三", "再次调整", ActorRole.UNIT))
                .expectEvents(new TaskPlanRevised(L, "task-p1", UNIT, JUR, 2, "副院长", "纪检办", "措施三", "再次调整", "UNIT"));
    }

    @Test
    void aTaskWithoutAPlanCannotBeRevised() {
        refused(
                fixture.given(OPENED).when(new RevisePlan(LEDGER, "task-p1", "院长", "院办", "措施", "原因", ActorRole.UNIT)),
                "TASK_NOT_PLANNED",
                Refusal.Kind.CONFLICT);
    }

    @Test
    void aRevisionNeedsAReason() {
        refusedToMake(
                () -> new RevisePlan(LEDGER, "task-p1", "院长", "院办", "措施", "", ActorRole.UNIT),
                "REVISION_REASON_REQUIRED");
    }

    @Test
    void everyItemOfTheThreeListsBecomesATaskProblemsFirstThenRisksThenDuties() {
        InterviewConducted twoOfEach = new InterviewConducted(
                "iv-9",
                WHO,
                TALK,
                "余姚市纪委",
                null,
                null,
                "要点",
                SIGNED,
                SIGNED,
                new FrozenLists(
                        4,
                        List.of(
                                new ResponsibilityItem("d1", ResponsibilityKind.REQUIRED, "专题研究", "tpl"),
                                new ResponsibilityItem("d2", ResponsibilityKind.CUSTOM, "约谈科室", null)),
                        List.of(
                                new ProblemItem("p1", "耗材采购", "监管不严", SourceChannel.PETITION_REPORT, null),
                                new ProblemItem("p2", "基建", "招标不规范", SourceChannel.INSPECTION_TOUR, null)),
                        List.of(new RiskItem("r1", "医药代表", "接待不规范", null, null, RiskLevel.HIGH))),
                "hash",
                2);
        fixture.givenNoPriorActivity()
                .when(new OpenRectification(LEDGER, twoOfEach, PLAN_DUE, REPORT_DUE))
                .expectEvents(new RectificationOpened(
                        L,
                        "iv-9",
                        UNIT,
                        "余姚市人民医院",
                        JUR,
                        List.of(
                                new Task("task-p1", TaskKind.PROBLEM_RECTIFICATION, "p1", "耗材采购", "监管不严"),
                                new Task("task-p2", TaskKind.PROBLEM_RECTIFICATION, "p2", "基建", "招标不规范"),
                                new Task("task-r1", TaskKind.RISK_PREVENTION, "r1", "医药代表", "接待不规范"),
                                new Task("task-d1", TaskKind.DUTY, "d1", null, "专题研究"),
                                new Task("task-d2", TaskKind.DUTY, "d2", null, "约谈科室")),
                        TALK,
                        PLAN_DUE,
                        REPORT_DUE));
    }
}
