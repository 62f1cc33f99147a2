package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.Given.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.contracts.rectification.RectificationOpened.Task;
import io.sanjiaodi.contracts.rectification.RegulationRecorded.RegulationAction;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.Rating;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.TaskRating;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.testing.Refusals;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.MatcherAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RectificationTest {

    private static final LocalDate TODAY = LocalDate.of(2019, 4, 1);

    private FixtureConfiguration<Rectification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Rectification.class);
    }

    private static void refused(ResultValidator<Rectification> result, String code, Refusal.Kind kind) {
        result.expectNoEvents().expectException(Refusals.refused(code, kind));
    }

    /** A command without a text it needs cannot even be made: the web layer and the ledger refuse alike. */
    private static void refusedToMake(ThrowingCallable command, String code) {
        MatcherAssert.assertThat(catchThrowable(command), Refusals.refused(code, Refusal.Kind.UNPROCESSABLE));
    }

    @Nested
    class Opening {

        @Test
        void aConductedInterviewOpensALedgerWithOneTaskPerListItemAndItsDueDates() {
            fixture.givenNoPriorActivity()
                    .when(new OpenRectification(LEDGER, CONDUCTED, PLAN_DUE, REPORT_DUE))
                    .expectEvents(OPENED);
        }

        @Test
        void theLedgerIdIsDerivedFromTheInterviewSoARedeliveryNamesTheSameLedger() {
            assertThat(LedgerId.forInterview("iv-9")).isEqualTo(LedgerId.forInterview("iv-9"))
                    .isNotEqualTo(LedgerId.forInterview("iv-10"));
        }

        @Test
        void aLedgerOpenedBeforeDueDatesWereRecordedStillAcceptsAPlanWithAnyDeadline() {
            fixture.given(new RectificationOpened(L, "iv-9", UNIT, "余姚市人民医院", JUR, TASKS, null, null, null))
                    .when(new PlanTask(LEDGER, "task-p1", "院长", "院办", LocalDate.of(2000, 1, 1), "措施", ActorRole.UNIT))
                    .expectEvents(new TaskPlanned(L, "task-p1", UNIT, JUR, "院长", "院办", LocalDate.of(2000, 1, 1), "措施", "UNIT"));
        }
    }

    @Nested
    class Planning {

        @Test
        void theUnitPlansATaskWithLeaderDepartmentDeadlineAndMeasures() {
            fixture.given(OPENED)
                    .when(new PlanTask(LEDGER, "task-p1", "院长", "院办", DEADLINE, "建立耗材采购监管制度", ActorRole.UNIT))
                    .expectEvents(planned("task-p1"));
        }

        @Test
        void aDeadlineBeforeTheTalkIsRefused() {
            refused(fixture.given(OPENED).when(new PlanTask(LEDGER, "task-p1", "院长", "院办", TALK.minusDays(1),
                    "措施", ActorRole.UNIT)), "DEADLINE_BEFORE_TALK", Refusal.Kind.UNPROCESSABLE);
        }

        @Test
        void aDeadlineOnTheDayOfTheTalkIsAccepted() {
            fixture.given(OPENED)
                    .when(new PlanTask(LEDGER, "task-p1", "院长", "院办", TALK, "措施", ActorRole.UNIT))
                    .expectEvents(new TaskPlanned(L, "task-p1", UNIT, JUR, "院长", "院办", TALK, "措施", "UNIT"));
        }

        @Test
        void aPlanWithoutAResponsibleLeaderIsRefused() {
            refusedToMake(() -> new PlanTask(LEDGER, "task-p1", " ", "院办", DEADLINE, "措施", ActorRole.UNIT),
                    "RESPONSIBLE_LEADER_REQUIRED");
        }

        @Test
        void aPlanWithoutADeadlineIsRefused() {
            refused(fixture.given(OPENED).when(new PlanTask(LEDGER, "task-p1", "院长", "院办", null, "措施",
                    ActorRole.UNIT)), "DEADLINE_REQUIRED", Refusal.Kind.UNPROCESSABLE);
        }

        @Test
        void aSupervisorDoesNotWriteTheUnitsPlan() {
            refused(fixture.given(OPENED).when(new PlanTask(LEDGER, "task-p1", "院长", "院办", DEADLINE, "措施",
                    ActorRole.SUPERVISOR)), "ROLE_NOT_ALLOWED", Refusal.Kind.FORBIDDEN);
        }

        @Test
        void anUnknownTaskIsNotFound() {
            refused(fixture.given(OPENED).when(new PlanTask(LEDGER, "task-x", "院长", "院办", DEADLINE, "措施",
                    ActorRole.UNIT)), "TASK_NOT_FOUND", Refusal.Kind.NOT_FOUND);
        }

        @Test
        void aPlannedTaskIsRevisedNotPlannedAgain() {
            refused(fixture.given(OPENED, planned("task-p1")).when(new PlanTask(LEDGER, "task-p1", "院长", "院办",
                    DEADLINE, "措施", ActorRole.UNIT)), "TASK_ALREADY_PLANNED", Refusal.Kind.CONFLICT);
        }

        @Test
        void aRevisionIsRecordedWithItsNumberAndReason() {
            fixture.given(OPENED, planned("task-p1"),
                            new TaskPlanRevised(L, "task-p1", UNIT, JUR, 1, "副院长", "采购办", "措施二", "分工调整", "UNIT"))
                    .when(new RevisePlan(LEDGER, "task-p1", "副院长", "纪检办", "措施三", "再次调整", ActorRole.UNIT))
                    .expectEvents(new TaskPlanRevised(L, "task-p1", UNIT, JUR, 2, "副院长", "纪检办", "措施三", "再次调整", "UNIT"));
        }

        @Test
        void aTaskWithoutAPlanCannotBeRevised() {
            refused(fixture.given(OPENED).when(new RevisePlan(LEDGER, "task-p1", "院长", "院办", "措施", "原因",
                    ActorRole.UNIT)), "TASK_NOT_PLANNED", Refusal.Kind.CONFLICT);
        }

        @Test
        void aRevisionNeedsAReason() {
            refusedToMake(() -> new RevisePlan(LEDGER, "task-p1", "院长", "院办", "措施", "", ActorRole.UNIT),
                    "REVISION_REASON_REQUIRED");
        }
    }

    @Nested
    class Extensions {

        private final DeadlineExtensionRequested requested = new DeadlineExtensionRequested(L, "task-p1", UNIT, JUR,
                DEADLINE, DEADLINE.plusMonths(2), "范围扩大", "UNIT");

        @Test
        void theUnitRequestsALaterDeadline() {
            fixture.given(OPENED, planned("task-p1"))
                    .when(new RequestDeadlineExtension(LEDGER, "task-p1", DEADLINE.plusMonths(2), "范围扩大", ActorRole.UNIT))
                    .expectEvents(requested);
        }

        @Test
        void anExtensionMustMoveTheDeadlineLater() {
            refused(fixture.given(OPENED, planned("task-p1")).when(new RequestDeadlineExtension(LEDGER, "task-p1",
                    DEADLINE, "原因", ActorRole.UNIT)), "EXTENSION_NOT_LATER", Refusal.Kind.UNPROCESSABLE);
        }

        @Test
        void onlyOneExtensionAwaitsADecisionAtATime() {
            refused(fixture.given(OPENED, planned("task-p1"), requested).when(new RequestDeadlineExtension(LEDGER,
                    "task-p1", DEADLINE.plusMonths(3), "原因", ActorRole.UNIT)), "EXTENSION_PENDING", Refusal.Kind.CONFLICT);
        }

        @Test
        void aSupervisorApprovesAndTheOriginalDeadlineStaysOnRecord() {
            fixture.given(OPENED, planned("task-p1"), requested)
                    .when(new ApproveDeadlineExtension(LEDGER, "task-p1", "同意", ActorRole.SUPERVISOR))
                    .expectEvents(new DeadlineExtensionApproved(L, "task-p1", UNIT, JUR, DEADLINE, DEADLINE,
                            DEADLINE.plusMonths(2), "同意", "SUPERVISOR"));
        }

        @Test
        void aSecondExtensionStillNamesTheFirstPlansDeadlineAsOriginal() {
            LocalDate first = DEADLINE.plusMonths(2);
            fixture.given(OPENED, planned("task-p1"), requested,
                            new DeadlineExtensionApproved(L, "task-p1", UNIT, JUR, DEADLINE, DEADLINE, first, "", "SUPERVISOR"),
                            new DeadlineExtensionRequested(L, "task-p1", UNIT, JUR, first, first.plusMonths(1), "再延", "UNIT"))
                    .when(new ApproveDeadlineExtension(LEDGER, "task-p1", null, ActorRole.SUPERVISOR))
                    .expectEvents(new DeadlineExtensionApproved(L, "task-p1", UNIT, JUR, DEADLINE, first,
                            first.plusMonths(1), "", "SUPERVISOR"));
        }

        @Test
        void theUnitCannotApproveItsOwnExtension() {
            refused(fixture.given(OPENED, planned("task-p1"), requested).when(new ApproveDeadlineExtension(LEDGER,
                    "task-p1", "", ActorRole.UNIT)), "ROLE_NOT_ALLOWED", Refusal.Kind.FORBIDDEN);
        }

        @Test
        void aSupervisorRejectsWithAReasonAndTheDeadlineStays() {
            fixture.given(OPENED, planned("task-p1"), requested)
                    .when(new RejectDeadlineExtension(LEDGER, "task-p1", "理由不充分", ActorRole.SUPERVISOR))
                    .expectEvents(new DeadlineExtensionRejected(L, "task-p1", UNIT, JUR, DEADLINE.plusMonths(2),
                            DEADLINE, "理由不充分", "SUPERVISOR"));
        }

        @Test
        void thereIsNothingToDecideWithoutARequest() {
            refused(fixture.given(OPENED, planned("task-p1")).when(new ApproveDeadlineExtension(LEDGER, "task-p1",
                    "", ActorRole.SUPERVISOR)), "NO_PENDING_EXTENSION", Refusal.Kind.CONFLICT);
        }

        @Test
        void anApprovedExtensionLetsAnOverdueTaskBecomeOverdueAgainOnlyAgainstTheNewDeadline() {
            LocalDate later = DEADLINE.plusMonths(2);
            fixture.given(OPENED, planned("task-p1"), overdue("task-p1"),
                            new DeadlineExtensionRequested(L, "task-p1", UNIT, JUR, DEADLINE, later, "r", "UNIT"),
                            new DeadlineExtensionApproved(L, "task-p1", UNIT, JUR, DEADLINE, DEADLINE, later, "", "SUPERVISOR"))
                    .when(new MarkTaskOverdue(LEDGER, "task-p1", DEADLINE.plusDays(5)))
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }
    }

    @Nested
    class Cascading {

        @Test
        void aTaskIsCascadedToSubordinateUnitsEachWithItsOwnSubTask() {
            fixture.given(OPENED, planned("task-p1"))
                    .when(new CascadeTask(LEDGER, "task-p1", List.of(
                            new SubTaskSpec("yy-branch", "分院", LocalDate.of(2019, 5, 31))), ActorRole.UNIT))
                    .expectEvents(CASCADED);
        }

        @Test
        void aSubTaskCannotBeDueAfterItsTask() {
            refused(fixture.given(OPENED, planned("task-p1")).when(new CascadeTask(LEDGER, "task-p1", List.of(
                    new SubTaskSpec("yy-branch", "分院", DEADLINE.plusDays(1))), ActorRole.UNIT)),
                    "SUB_TASK_DEADLINE_AFTER_TASK", Refusal.Kind.UNPROCESSABLE);
        }

        @Test
        void aSubTaskCannotBeDueBeforeTheTalk() {
            refused(fixture.given(OPENED, planned("task-p1")).when(new CascadeTask(LEDGER, "task-p1", List.of(
                    new SubTaskSpec("yy-branch", "分院", TALK.minusDays(1))), ActorRole.UNIT)), "DEADLINE_BEFORE_TALK", Refusal.Kind.UNPROCESSABLE);
        }

        @Test
        void aSubordinateUnitGetsOneSubTaskPerTask() {
            refused(fixture.given(OPENED, planned("task-p1"), CASCADED).when(new CascadeTask(LEDGER, "task-p1",
                    List.of(new SubTaskSpec("yy-branch", "分院", DEADLINE)), ActorRole.UNIT)), "SUB_TASK_EXISTS", Refusal.Kind.CONFLICT);
        }

        @Test
        void onlyAPlannedTaskIsCascaded() {
            refused(fixture.given(OPENED).when(new CascadeTask(LEDGER, "task-p1", List.of(
                    new SubTaskSpec("yy-branch", "分院", DEADLINE)), ActorRole.UNIT)), "TASK_NOT_PLANNED", Refusal.Kind.CONFLICT);
        }

        @Test
        void aSubTaskIsCompletedOnce() {
            LocalDate on = LocalDate.of(2019, 5, 1);
            fixture.given(OPENED, planned("task-p1"), CASCADED)
                    .when(new CompleteSubTask(LEDGER, "task-p1", "task-p1-yy-branch", "已完成", on, ActorRole.UNIT))
                    .expectEvents(new SubTaskCompleted(L, "task-p1", "task-p1-yy-branch", "yy-branch", UNIT, JUR, on,
                            "已完成", "UNIT"));
            refused(fixture.given(OPENED, planned("task-p1"), CASCADED,
                            new SubTaskCompleted(L, "task-p1", "task-p1-yy-branch", "yy-branch", UNIT, JUR, on, "", "UNIT"))
                    .when(new CompleteSubTask(LEDGER, "task-p1", "task-p1-yy-branch", "", on, ActorRole.UNIT)),
                    "SUB_TASK_ALREADY_COMPLETED", Refusal.Kind.CONFLICT);
        }

        @Test
        void anUnknownSubTaskIsNotFound() {
            refused(fixture.given(OPENED, planned("task-p1"), CASCADED).when(new CompleteSubTask(LEDGER, "task-p1",
                    "task-p1-nobody", "", TODAY, ActorRole.UNIT)), "SUB_TASK_NOT_FOUND", Refusal.Kind.NOT_FOUND);
        }

        @Test
        void theParentCannotBeVerifiedWhileASubTaskIsOpen() {
            refused(fixture.given(OPENED, planned("task-p1"), CASCADED).when(new VerifyTask(LEDGER, "task-p1", "",
                    TODAY, ActorRole.SUPERVISOR)), "SUB_TASKS_OPEN", Refusal.Kind.UNPROCESSABLE);
        }

        @Test
        void theParentIsVerifiedOnceEverySubTaskIsDone() {
            fixture.given(OPENED, planned("task-p1"), CASCADED, new SubTaskCompleted(L, "task-p1", "task-p1-yy-branch",
                            "yy-branch", UNIT, JUR, TODAY, "", "UNIT"))
                    .when(new VerifyTask(LEDGER, "task-p1", "核查通过", TODAY, ActorRole.SUPERVISOR))
                    .expectEvents(new TaskVerified(L, "task-p1", UNIT, JUR, TODAY, "核查通过", "SUPERVISOR"));
        }
    }

    @Nested
    class ProgressAndRegulations {

        @Test
        void progressIsReportedAgainstATaskWithANumberedId() {
            fixture.given(OPENED, new ProgressReported(L, "task-p1", UNIT, JUR, "progress-1", TODAY, "一", "UNIT"))
                    .when(new ReportProgress(LEDGER, "task-r1", "二", TODAY, ActorRole.UNIT))
                    .expectEvents(new ProgressReported(L, "task-r1", UNIT, JUR, "progress-2", TODAY, "二", "UNIT"))
                    .expectResultMessagePayload("progress-2");
        }

        @Test
        void evidenceIsRecordedWithNameSizeAndHash() {
            fixture.given(OPENED)
                    .when(new AttachEvidence(LEDGER, "task-p1", "ev-1", "纪要.pdf", "application/pdf", 12, "ab", TODAY,
                            ActorRole.UNIT))
                    .expectEvents(new EvidenceAttached(L, "task-p1", UNIT, JUR, "ev-1", "纪要.pdf", "application/pdf",
                            12, "ab", TODAY, "UNIT"));
        }

        @Test
        void aRegulationIsLinkedToTheTasksItAnswers() {
            LocalDate issued = LocalDate.of(2019, 4, 15);
            fixture.given(OPENED)
                    .when(new RecordRegulation(LEDGER, "医用耗材采购管理办法", RegulationAction.ESTABLISHED, issued,
                            List.of("task-p1", "task-r1"), ActorRole.UNIT))
                    .expectEvents(new RegulationRecorded(L, UNIT, JUR, "reg-1", "医用耗材采购管理办法",
                            RegulationAction.ESTABLISHED, issued, List.of("task-p1", "task-r1"), "UNIT"))
                    .expectResultMessagePayload("reg-1");
        }

        @Test
        void aRegulationCannotNameAnUnknownTask() {
            refused(fixture.given(OPENED).when(new RecordRegulation(LEDGER, "办法", RegulationAction.REVISED, TODAY,
                    List.of("task-zzz"), ActorRole.UNIT)), "TASK_NOT_FOUND", Refusal.Kind.NOT_FOUND);
        }
    }

    @Nested
    class Verification {

        @Test
        void aSupervisorVerifiesAPlannedTask() {
            fixture.given(OPENED, planned("task-p1"))
                    .when(new VerifyTask(LEDGER, "task-p1", "对账通过", TODAY, ActorRole.SUPERVISOR))
                    .expectEvents(new TaskVerified(L, "task-p1", UNIT, JUR, TODAY, "对账通过", "SUPERVISOR"));
        }

        @Test
        void aUnitTryingToCloseItsOwnTaskIsRefusedAndTheAttemptIsRecorded() {
            fixture.given(OPENED, planned("task-p1"))
                    .when(new VerifyTask(LEDGER, "task-p1", "", TODAY, ActorRole.UNIT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TaskClosureRefused(L, "task-p1", UNIT, JUR, "UNIT_CANNOT_CLOSE_OWN_TASK",
                            "a unit can never close its own tasks; only a supervisor verifies against the list", TODAY, "UNIT"))
                    .expectResultMessagePayloadMatching(Refusals.refused("UNIT_CANNOT_CLOSE_OWN_TASK",
                            Refusal.Kind.FORBIDDEN));
        }

        @Test
        void theSupervisingBodyDoesNotCrossOffTasks() {
            refused(fixture.given(OPENED, planned("task-p1")).when(new VerifyTask(LEDGER, "task-p1", "", TODAY,
                    ActorRole.SUPERVISING_BODY)), "ROLE_NOT_ALLOWED", Refusal.Kind.FORBIDDEN);
        }

        @Test
        void aTaskWithoutAPlanCannotBeVerified() {
            refused(fixture.given(OPENED).when(new VerifyTask(LEDGER, "task-p1", "", TODAY, ActorRole.SUPERVISOR)),
                    "TASK_NOT_PLANNED", Refusal.Kind.CONFLICT);
        }

        @Test
        void aPlanIsTheTasksOwnAndDoesNotMakeAnotherTaskVerifiable() {
            refused(fixture.given(OPENED, planned("task-p1")).when(new VerifyTask(LEDGER, "task-r1", "", TODAY,
                    ActorRole.SUPERVISOR)), "TASK_NOT_PLANNED", Refusal.Kind.CONFLICT);
        }

        @Test
        void aTaskIsVerifiedOnlyOnce() {
            refused(fixture.given(OPENED, planned("task-p1"), verified("task-p1")).when(new VerifyTask(LEDGER,
                    "task-p1", "", TODAY, ActorRole.SUPERVISOR)), "TASK_ALREADY_VERIFIED", Refusal.Kind.CONFLICT);
        }

        @Test
        void aFailedCheckIsRecordedWithItsReason() {
            fixture.given(OPENED, planned("task-p1"))
                    .when(new FailVerification(LEDGER, "task-p1", "制度未印发", TODAY, ActorRole.SUPERVISOR))
                    .expectEvents(new TaskVerificationFailed(L, "task-p1", UNIT, JUR, TODAY, "制度未印发", false, "SUPERVISOR"));
        }

        @Test
        void aFailedCheckReopensAVerifiedTaskWhichCanThenBeVerifiedAgain() {
            fixture.given(OPENED, planned("task-p1"), verified("task-p1"))
                    .when(new FailVerification(LEDGER, "task-p1", "复查发现问题反弹", TODAY, ActorRole.SUPERVISOR))
                    .expectEvents(new TaskVerificationFailed(L, "task-p1", UNIT, JUR, TODAY, "复查发现问题反弹", true,
                            "SUPERVISOR"));
            fixture.given(OPENED, planned("task-p1"), verified("task-p1"),
                            new TaskVerificationFailed(L, "task-p1", UNIT, JUR, TODAY, "反弹", true, "SUPERVISOR"))
                    .when(new VerifyTask(LEDGER, "task-p1", "再次核查通过", TODAY, ActorRole.SUPERVISOR))
                    .expectEvents(new TaskVerified(L, "task-p1", UNIT, JUR, TODAY, "再次核查通过", "SUPERVISOR"));
        }

        @Test
        void aFailedCheckNeedsAReason() {
            refusedToMake(() -> new FailVerification(LEDGER, "task-p1", " ", TODAY, ActorRole.SUPERVISOR),
                    "FAILURE_REASON_REQUIRED");
        }

        @Test
        void theUnitCannotFailOrPassItsOwnCheck() {
            refused(fixture.given(OPENED, planned("task-p1")).when(new FailVerification(LEDGER, "task-p1", "x",
                    TODAY, ActorRole.UNIT)), "ROLE_NOT_ALLOWED", Refusal.Kind.FORBIDDEN);
        }

        @Test
        void aVerifiedTaskCannotBeReplanned() {
            refused(fixture.given(OPENED, planned("task-p1"), verified("task-p1")).when(new RevisePlan(LEDGER,
                    "task-p1", "a", "b", "c", "d", ActorRole.UNIT)), "TASK_ALREADY_VERIFIED", Refusal.Kind.CONFLICT);
        }
    }

    @Nested
    class Deadlines {

        @Test
        void aTaskPastItsDeadlineBecomesOverdue() {
            fixture.given(OPENED, planned("task-p1"))
                    .when(new MarkTaskOverdue(LEDGER, "task-p1", DEADLINE.plusDays(1)))
                    .expectEvents(overdue("task-p1"))
                    .expectResultMessagePayload(true);
        }

        @Test
        void aTaskIsNotOverdueOnTheDayOfItsDeadline() {
            fixture.given(OPENED, planned("task-p1"))
                    .when(new MarkTaskOverdue(LEDGER, "task-p1", DEADLINE))
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void aTaskBecomesOverdueExactlyOnce() {
            fixture.given(OPENED, planned("task-p1"), overdue("task-p1"))
                    .when(new MarkTaskOverdue(LEDGER, "task-p1", DEADLINE.plusDays(30)))
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void aVerifiedTaskNeverBecomesOverdue() {
            fixture.given(OPENED, planned("task-p1"), verified("task-p1"))
                    .when(new MarkTaskOverdue(LEDGER, "task-p1", DEADLINE.plusDays(1)))
                    .expectNoEvents();
        }

        @Test
        void aTaskWithoutDeadlineNeverBecomesOverdue() {
            fixture.given(OPENED)
                    .when(new MarkTaskOverdue(LEDGER, "task-p1", DEADLINE.plusYears(1)))
                    .expectNoEvents();
        }

        @Test
        void aMissingWrittenReportBecomesOverdueExactlyOnce() {
            fixture.given(OPENED)
                    .when(new MarkWrittenReportOverdue(LEDGER, REPORT_DUE.plusDays(1)))
                    .expectEvents(new WrittenReportBecameOverdue(L, "iv-9", UNIT, JUR, REPORT_DUE, REPORT_DUE.plusDays(1)));
            fixture.given(OPENED, new WrittenReportBecameOverdue(L, "iv-9", UNIT, JUR, REPORT_DUE, REPORT_DUE.plusDays(1)))
                    .when(new MarkWrittenReportOverdue(LEDGER, REPORT_DUE.plusDays(2)))
                    .expectNoEvents();
        }

        @Test
        void aFiledWrittenReportIsNeverOverdue() {
            fixture.given(OPENED, REPORT_FILED)
                    .when(new MarkWrittenReportOverdue(LEDGER, REPORT_DUE.plusDays(10)))
                    .expectNoEvents();
        }
    }

    @Nested
    class DualReport {

        @Test
        void filingTheWrittenReportRegistersItWithANumberDerivedFromTheLedger() {
            LocalDate on = LocalDate.of(2019, 5, 20);
            fixture.given(OPENED)
                    .when(new FileWrittenReport(LEDGER, "书面报告", "", on, ActorRole.UNIT))
                    .expectEvents(REPORT_FILED)
                    .expectResultMessagePayload("WR-2019-yuyao-iv-9");
        }

        @Test
        void aReportFiledAfterItsDueDateIsMarkedLate() {
            LocalDate on = REPORT_DUE.plusDays(3);
            fixture.given(OPENED)
                    .when(new FileWrittenReport(LEDGER, "书面报告", "s", on, ActorRole.UNIT))
                    .expectEvents(new WrittenReportFiled(L, "iv-9", UNIT, JUR, "WR-2019-yuyao-iv-9", "书面报告", "s",
                            REPORT_DUE, on, true, "UNIT"));
        }

        @Test
        void theWrittenReportIsFiledOnce() {
            refused(fixture.given(OPENED, REPORT_FILED).when(new FileWrittenReport(LEDGER, "again", "", TODAY,
                    ActorRole.UNIT)), "WRITTEN_REPORT_ALREADY_FILED", Refusal.Kind.CONFLICT);
        }

        @Test
        void theWrittenReportIsTheIntervieweesNotTheSupervisors() {
            refused(fixture.given(OPENED).when(new FileWrittenReport(LEDGER, "x", "", TODAY, ActorRole.SUPERVISOR)),
                    "ROLE_NOT_ALLOWED", Refusal.Kind.FORBIDDEN);
        }

        @Test
        void theSupervisingBodyFilesTheTrackingEvaluation() {
            fixture.given(OPENED)
                    .when(new FileTrackingEvaluation(LEDGER, "余姚市纪委派驻组", "整改到位", LocalDate.of(2019, 5, 25),
                            ActorRole.SUPERVISING_BODY))
                    .expectEvents(TRACKING_FILED);
        }

        @Test
        void theUnitCannotFileItsOwnTrackingEvaluation() {
            refused(fixture.given(OPENED).when(new FileTrackingEvaluation(LEDGER, "x", "y", TODAY, ActorRole.UNIT)),
                    "ROLE_NOT_ALLOWED", Refusal.Kind.FORBIDDEN);
        }
    }

    @Nested
    class StageEvaluationAndAccountability {

        @Test
        void aSupervisorRatesTasksInAStageEvaluation() {
            fixture.given(OPENED)
                    .when(new RecordStageEvaluation(LEDGER, List.of(
                            new TaskRatingSpec("task-p1", Rating.IN_PROGRESS, "推进中"),
                            new TaskRatingSpec("task-r1", Rating.NOT_RECTIFIED, null)), TODAY, ActorRole.SUPERVISOR))
                    .expectEvents(new StageEvaluationRecorded(L, UNIT, JUR, "stage-1", TODAY, List.of(
                            new TaskRating("task-p1", Rating.IN_PROGRESS, "推进中"),
                            new TaskRating("task-r1", Rating.NOT_RECTIFIED, "")), "SUPERVISOR"));
        }

        @Test
        void aTaskIsRatedOncePerEvaluation() {
            refused(fixture.given(OPENED).when(new RecordStageEvaluation(LEDGER, List.of(
                    new TaskRatingSpec("task-p1", Rating.IN_PROGRESS, ""),
                    new TaskRatingSpec("task-p1", Rating.RECTIFIED, "")), TODAY, ActorRole.SUPERVISOR)),
                    "TASK_RATED_TWICE", Refusal.Kind.UNPROCESSABLE);
        }

        @Test
        void theUnitDoesNotEvaluateItself() {
            refused(fixture.given(OPENED).when(new RecordStageEvaluation(LEDGER, List.of(
                    new TaskRatingSpec("task-p1", Rating.RECTIFIED, "")), TODAY, ActorRole.UNIT)), "ROLE_NOT_ALLOWED", Refusal.Kind.FORBIDDEN);
        }

        @Test
        void aCaseIsOpenedAgainstAnOverdueTask() {
            fixture.given(OPENED, planned("task-p1"), overdue("task-p1"))
                    .when(new OpenAccountabilityCase(LEDGER, List.of("task-p1"), List.of(), "逾期未整改", TODAY,
                            ActorRole.SUPERVISOR))
                    .expectEvents(new AccountabilityCaseOpened(L, "case-1", UNIT, JUR, List.of("task-p1"), List.of(),
                            "逾期未整改", TODAY, "SUPERVISOR"))
                    .expectResultMessagePayload("case-1");
        }

        @Test
        void aCaseIsOpenedAgainstAFailedTaskWithItsEvidence() {
            fixture.given(OPENED, planned("task-p1"),
                            new EvidenceAttached(L, "task-p1", UNIT, JUR, "ev-1", "a.pdf", "application/pdf", 1, "h", TODAY, "UNIT"),
                            new TaskVerificationFailed(L, "task-p1", UNIT, JUR, TODAY, "未整改", false, "SUPERVISOR"))
                    .when(new OpenAccountabilityCase(LEDGER, List.of("task-p1"), List.of("ev-1"), "核查未通过", TODAY,
                            ActorRole.SUPERVISOR))
                    .expectEvents(new AccountabilityCaseOpened(L, "case-1", UNIT, JUR, List.of("task-p1"),
                            List.of("ev-1"), "核查未通过", TODAY, "SUPERVISOR"));
        }

        @Test
        void aCaseNeedsPoorImplementationToStandOn() {
            refused(fixture.given(OPENED, planned("task-p1")).when(new OpenAccountabilityCase(LEDGER,
                    List.of("task-p1"), List.of(), "无依据", TODAY, ActorRole.SUPERVISOR)), "NO_POOR_IMPLEMENTATION", Refusal.Kind.UNPROCESSABLE);
        }

        @Test
        void aCaseCannotCiteEvidenceThatIsNotOnTheLedger() {
            refused(fixture.given(OPENED, planned("task-p1"), overdue("task-p1")).when(new OpenAccountabilityCase(
                    LEDGER, List.of("task-p1"), List.of("ev-9"), "逾期", TODAY, ActorRole.SUPERVISOR)),
                    "EVIDENCE_NOT_FOUND", Refusal.Kind.NOT_FOUND);
        }

        @Test
        void aCaseIsConcludedWithItsOutcomeOnce() {
            AccountabilityCaseOpened opened = new AccountabilityCaseOpened(L, "case-1", UNIT, JUR, List.of("task-p1"),
                    List.of(), "逾期", TODAY, "SUPERVISOR");
            fixture.given(OPENED, planned("task-p1"), overdue("task-p1"), opened)
                    .when(new ConcludeAccountabilityCase(LEDGER, "case-1", "诫勉谈话", TODAY, ActorRole.SUPERVISOR))
                    .expectEvents(new AccountabilityCaseConcluded(L, "case-1", UNIT, JUR, "诫勉谈话", TODAY, "SUPERVISOR"));
            refused(fixture.given(OPENED, planned("task-p1"), overdue("task-p1"), opened,
                            new AccountabilityCaseConcluded(L, "case-1", UNIT, JUR, "诫勉谈话", TODAY, "SUPERVISOR"))
                    .when(new ConcludeAccountabilityCase(LEDGER, "case-1", "again", TODAY, ActorRole.SUPERVISOR)),
                    "CASE_ALREADY_CONCLUDED", Refusal.Kind.CONFLICT);
        }

        @Test
        void anUnknownCaseIsNotFound() {
            refused(fixture.given(OPENED).when(new ConcludeAccountabilityCase(LEDGER, "case-7", "x", TODAY,
                    ActorRole.SUPERVISOR)), "CASE_NOT_FOUND", Refusal.Kind.NOT_FOUND);
        }
    }

    @Nested
    class Closing {

        private final Object[] allButLastTask = {OPENED, planned("task-p1"), planned("task-r1"), planned("task-d1"),
                verified("task-p1"), verified("task-r1"), REPORT_FILED, TRACKING_FILED};

        @Test
        void verifyingTheLastTaskWithBothReportsFiledClosesTheLedger() {
            fixture.given(allButLastTask)
                    .when(new VerifyTask(LEDGER, "task-d1", "", TODAY, ActorRole.SUPERVISOR))
                    .expectEvents(new TaskVerified(L, "task-d1", UNIT, JUR, TODAY, "", "SUPERVISOR"),
                            new RectificationClosed(L, "iv-9", UNIT, JUR, 3, TODAY));
        }

        @Test
        void filingTheLastReportAfterEveryTaskIsVerifiedClosesTheLedger() {
            fixture.given(OPENED, planned("task-p1"), planned("task-r1"), planned("task-d1"), verified("task-p1"),
                            verified("task-r1"), verified("task-d1"), REPORT_FILED)
                    .when(new FileTrackingEvaluation(LEDGER, "余姚市纪委派驻组", "整改到位", LocalDate.of(2019, 5, 25),
                            ActorRole.SUPERVISING_BODY))
                    .expectEvents(TRACKING_FILED, new RectificationClosed(L, "iv-9", UNIT, JUR, 3, LocalDate.of(2019, 5, 25)));
        }

        @Test
        void aLedgerWithAnUnverifiedTaskStaysOpen() {
            fixture.given(OPENED, planned("task-p1"), verified("task-p1"), REPORT_FILED)
                    .when(new FileTrackingEvaluation(LEDGER, "余姚市纪委派驻组", "整改到位", LocalDate.of(2019, 5, 25),
                            ActorRole.SUPERVISING_BODY))
                    .expectEvents(TRACKING_FILED);
        }

        @Test
        void aClosedLedgerAcceptsNoFurtherChanges() {
            Object[] closed = {OPENED, planned("task-p1"), planned("task-r1"), planned("task-d1"), verified("task-p1"),
                    verified("task-r1"), verified("task-d1"), REPORT_FILED, TRACKING_FILED,
                    new RectificationClosed(L, "iv-9", UNIT, JUR, 3, TODAY)};
            refused(fixture.given(closed).when(new FailVerification(LEDGER, "task-p1", "x", TODAY,
                    ActorRole.SUPERVISOR)), "LEDGER_CLOSED", Refusal.Kind.CONFLICT);
            refused(fixture.given(closed).when(new RecordRegulation(LEDGER, "办法", RegulationAction.ESTABLISHED, TODAY,
                    List.of(), ActorRole.UNIT)), "LEDGER_CLOSED", Refusal.Kind.CONFLICT);
        }
    }

    @Test
    void theTasksOfTheOpenedLedgerComeFromAllThreeLists() {
        assertThat(OPENED.tasks()).extracting(Task::kind).containsExactly(
                RectificationOpened.TaskKind.PROBLEM_RECTIFICATION, RectificationOpened.TaskKind.RISK_PREVENTION,
                RectificationOpened.TaskKind.DUTY);
    }
}
