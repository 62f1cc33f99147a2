package io.sanjiaodi.rectification.command.rectification;

import io.sanjiaodi.contracts.common.CadreLevel;
import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.common.Signature;
import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.*;
import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.contracts.rectification.RectificationOpened.Task;
import io.sanjiaodi.contracts.rectification.RectificationOpened.TaskKind;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.ActorDispatchInterceptor;
import io.sanjiaodi.platform.settings.Limits;
import io.sanjiaodi.platform.testing.CommonLimits;
import io.sanjiaodi.platform.testing.Refusals;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.MatcherAssert;

/**
 * Test data after source scenario 3 (Yuyao People's Hospital) — docs/domain.md §5 — and the two ways
 * the ledger's tests say "refused", shared by the test classes of this package.
 */
final class Given {

    /**
     * A ledger fixture whose commands carry the service's own actor, as the intake's and the
     * sweeper's do: these tests are about the ledger's rules; ScopeOnTheLedgerTest is about who.
     */
    static FixtureConfiguration<Rectification> ledger() {
        return new AggregateTestFixture<>(Rectification.class)
                .registerCommandDispatchInterceptor(new ActorDispatchInterceptor("rectification-service"))
                .registerInjectableResource(LIMITS);
    }

    /** the limits the services run with (sanjiaodi-common.yml) */
    static final Limits LIMITS = CommonLimits.load();

    static final LedgerId LEDGER = LedgerId.forInterview("iv-9");
    static final String L = "ledger-iv-9";
    static final String UNIT = "yy-hospital";
    static final String JUR = "yuyao";
    static final LocalDate TALK = LocalDate.of(2019, 3, 1);
    static final LocalDate PLAN_DUE = TALK.plusDays(30);
    static final LocalDate REPORT_DUE = TALK.plusMonths(3);
    static final LocalDate DEADLINE = LocalDate.of(2019, 6, 30);
    /** the day the commands of a test are sent, unless it names another */
    static final LocalDate TODAY = LocalDate.of(2019, 4, 1);

    static final Interviewee WHO =
            new Interviewee("某某", "院长、党委书记", UNIT, "余姚市人民医院", JUR, CadreLevel.COUNTY_MANAGED, LocalDate.of(2019, 1, 2));
    static final Signature SIGNED = new Signature("某某", Instant.parse("2019-03-01T02:00:00Z"));
    static final InterviewConducted CONDUCTED = new InterviewConducted(
            "iv-9",
            WHO,
            TALK,
            "余姚市纪委",
            new PersonRef("yy-secretary", "某某", "余姚市纪委书记"),
            new PersonRef("yy-office", "某", "主任"),
            "要点",
            SIGNED,
            SIGNED,
            new FrozenLists(
                    3,
                    List.of(new ResponsibilityItem("d1", ResponsibilityKind.REQUIRED, "专题研究党风廉政建设", "tpl")),
                    List.of(new ProblemItem(
                            "p1",
                            "耗材采购",
                            "耗材采购监管不严",
                            SourceChannel.PETITION_REPORT,
                            null,
                            new SealedSource("c0ffee", "c2VhbGVk"))),
                    List.of(new RiskItem("r1", "医药代表", "医药代表接待不规范", null, null, RiskLevel.HIGH))),
            "hash",
            2);

    static final List<Task> TASKS = List.of(
            new Task("task-p1", TaskKind.PROBLEM_RECTIFICATION, "p1", "耗材采购", "耗材采购监管不严"),
            new Task("task-r1", TaskKind.RISK_PREVENTION, "r1", "医药代表", "医药代表接待不规范"),
            new Task("task-d1", TaskKind.DUTY, "d1", null, "专题研究党风廉政建设"));

    static final RectificationOpened OPENED =
            new RectificationOpened(L, "iv-9", UNIT, "余姚市人民医院", JUR, TASKS, TALK, PLAN_DUE, REPORT_DUE);

    static TaskPlanned planned(String taskId) {
        return planned(taskId, DEADLINE);
    }

    static TaskPlanned planned(String taskId, LocalDate deadline) {
        return new TaskPlanned(L, taskId, UNIT, JUR, "院长", "院办", deadline, "建立耗材采购监管制度", "UNIT");
    }

    static TaskVerified verified(String taskId) {
        return new TaskVerified(L, taskId, UNIT, JUR, LocalDate.of(2019, 6, 1), "", "SUPERVISOR");
    }

    static TaskBecameOverdue overdue(String taskId) {
        return new TaskBecameOverdue(L, taskId, UNIT, JUR, DEADLINE, DEADLINE.plusDays(1));
    }

    static final TaskCascaded CASCADED = new TaskCascaded(
            L,
            "task-p1",
            UNIT,
            JUR,
            List.of(new TaskCascaded.SubTask("task-p1-yy-branch", "yy-branch", "分院", LocalDate.of(2019, 5, 31))),
            "UNIT");

    static final WrittenReportFiled REPORT_FILED = new WrittenReportFiled(
            L,
            "iv-9",
            UNIT,
            JUR,
            "WR-2019-yuyao-iv-9",
            "书面报告",
            "",
            REPORT_DUE,
            LocalDate.of(2019, 5, 20),
            false,
            "UNIT");

    static final TrackingEvaluationFiled TRACKING_FILED = new TrackingEvaluationFiled(
            L, UNIT, JUR, "余姚市纪委派驻组", "整改到位", LocalDate.of(2019, 5, 25), "SUPERVISING_BODY");

    /** The ledger refused the command with {@code code} of {@code kind} and recorded nothing. */
    static void refused(ResultValidator<Rectification> result, String code, Refusal.Kind kind) {
        result.expectNoEvents().expectException(Refusals.refused(code, kind));
    }

    /** A command without a text it needs cannot even be made: the web layer and the ledger refuse alike. */
    static void refusedToMake(ThrowingCallable command, String code) {
        MatcherAssert.assertThat(
                Assertions.catchThrowable(command), Refusals.refused(code, Refusal.Kind.UNPROCESSABLE));
    }

    private Given() {}
}
