package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.Given.*;

import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.contracts.rectification.RegulationRecorded.RegulationAction;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.Rating;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.TaskRating;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Closing the ledger (挂账销号): it closes when, and only when, every task is verified and both
 * reports of the dual report are filed — in the unit of work of whichever of these comes last,
 * exactly once — and after that it accepts only the supervisors' conclusions.
 */
class ClosingTest {

    private static final LocalDate EVALUATED_ON = LocalDate.of(2019, 5, 25);

    private final FixtureConfiguration<Rectification> fixture = Given.ledger();

    private static final Object[] EVERY_TASK_PLANNED_TWO_VERIFIED = {
        OPENED, planned("task-p1"), planned("task-r1"), planned("task-d1"), verified("task-p1"), verified("task-r1")
    };

    private static final Object[] EVERY_TASK_VERIFIED = {
        OPENED,
        planned("task-p1"),
        planned("task-r1"),
        planned("task-d1"),
        verified("task-p1"),
        verified("task-r1"),
        verified("task-d1")
    };

    private static Object[] with(Object[] history, Object... more) {
        return Stream.concat(Stream.of(history), Stream.of(more)).toArray();
    }

    private static VerifyTask verifyLastTask() {
        return new VerifyTask(LEDGER, "task-d1", "", TODAY, ActorRole.SUPERVISOR);
    }

    private static FileTrackingEvaluation fileTrackingEvaluation() {
        return new FileTrackingEvaluation(LEDGER, "余姚市纪委派驻组", "整改到位", EVALUATED_ON, ActorRole.SUPERVISING_BODY);
    }

    private static RectificationClosed closedOn(LocalDate on) {
        return new RectificationClosed(L, "iv-9", UNIT, JUR, 3, on);
    }

    // ---- what closes it, in the unit of work of the last condition met, once

    @Test
    void verifyingTheLastTaskWithBothReportsFiledClosesTheLedger() {
        fixture.given(with(EVERY_TASK_PLANNED_TWO_VERIFIED, REPORT_FILED, TRACKING_FILED))
                .when(verifyLastTask())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TaskVerified(L, "task-d1", UNIT, JUR, TODAY, "", "SUPERVISOR"), closedOn(TODAY));
    }

    @Test
    void filingTheTrackingEvaluationLastAfterEveryTaskIsVerifiedAndTheWrittenReportClosesTheLedger() {
        fixture.given(with(EVERY_TASK_VERIFIED, REPORT_FILED))
                .when(fileTrackingEvaluation())
                .expectSuccessfulHandlerExecution()
                .expectEvents(TRACKING_FILED, closedOn(EVALUATED_ON));
    }

    @Test
    void filingTheWrittenReportLastAfterEveryTaskIsVerifiedAndTheTrackingEvaluationClosesTheLedger() {
        LocalDate on = LocalDate.of(2019, 5, 20);
        fixture.given(with(EVERY_TASK_VERIFIED, TRACKING_FILED))
                .when(new FileWrittenReport(LEDGER, "书面报告", "", on, ActorRole.UNIT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REPORT_FILED, closedOn(on))
                .expectResultMessagePayload("WR-2019-yuyao-iv-9");
    }

    // ---- what does not close it

    @Test
    void everyTaskVerifiedAndTheTrackingEvaluationButNoWrittenReportLeavesTheLedgerOpen() {
        fixture.given(with(EVERY_TASK_PLANNED_TWO_VERIFIED, TRACKING_FILED))
                .when(verifyLastTask())
                .expectEvents(new TaskVerified(L, "task-d1", UNIT, JUR, TODAY, "", "SUPERVISOR"));
        fixture.given(EVERY_TASK_VERIFIED).when(fileTrackingEvaluation()).expectEvents(TRACKING_FILED);
    }

    @Test
    void everyTaskVerifiedAndTheWrittenReportButNoTrackingEvaluationLeavesTheLedgerOpen() {
        fixture.given(with(EVERY_TASK_PLANNED_TWO_VERIFIED, REPORT_FILED))
                .when(verifyLastTask())
                .expectEvents(new TaskVerified(L, "task-d1", UNIT, JUR, TODAY, "", "SUPERVISOR"));
        fixture.given(EVERY_TASK_VERIFIED)
                .when(new FileWrittenReport(LEDGER, "书面报告", "", LocalDate.of(2019, 5, 20), ActorRole.UNIT))
                .expectEvents(REPORT_FILED);
    }

    @Test
    void bothReportsFiledButOneTaskUnverifiedLeavesTheLedgerOpen() {
        fixture.given(with(EVERY_TASK_PLANNED_TWO_VERIFIED, REPORT_FILED))
                .when(fileTrackingEvaluation())
                .expectEvents(TRACKING_FILED);
        fixture.given(with(EVERY_TASK_PLANNED_TWO_VERIFIED, TRACKING_FILED))
                .when(new FileWrittenReport(LEDGER, "书面报告", "", LocalDate.of(2019, 5, 20), ActorRole.UNIT))
                .expectEvents(REPORT_FILED);
    }

    @Test
    void aTaskWhoseCheckFailedAfterItsVerificationNoLongerCountsAsVerified() {
        fixture.given(with(
                        EVERY_TASK_VERIFIED,
                        new TaskVerificationFailed(L, "task-r1", UNIT, JUR, TODAY, "问题反弹", true, "SUPERVISOR"),
                        REPORT_FILED))
                .when(fileTrackingEvaluation())
                .expectEvents(TRACKING_FILED);
    }

    // ---- a closed ledger

    /**
     * Closed, with what a change could otherwise act on: task-p1 cascaded and its sub-task done,
     * evidence ev-1, task-r1 failed once (poor implementation an accountability case can stand on).
     */
    private static final Object[] CLOSED = {
        OPENED,
        planned("task-p1"),
        planned("task-r1"),
        planned("task-d1"),
        CASCADED,
        new SubTaskCompleted(L, "task-p1", "task-p1-yy-branch", "yy-branch", UNIT, JUR, TODAY, "", "UNIT"),
        new EvidenceAttached(L, "task-p1", UNIT, JUR, "ev-1", "a.pdf", "application/pdf", 1, "h", TODAY, "UNIT"),
        new TaskVerificationFailed(L, "task-r1", UNIT, JUR, TODAY, "未整改", false, "SUPERVISOR"),
        verified("task-p1"),
        verified("task-r1"),
        verified("task-d1"),
        REPORT_FILED,
        TRACKING_FILED,
        closedOn(TODAY)
    };

    /** Every change of a unit, a supervisor or the supervising body, each by a role allowed to make it. */
    static Stream<Object> changes() {
        LocalDate later = DEADLINE.plusMonths(1);
        return Stream.of(
                new PlanTask(LEDGER, "task-p1", "院长", "院办", DEADLINE, "措施", ActorRole.UNIT),
                new RevisePlan(LEDGER, "task-p1", "院长", "院办", "措施", "调整", ActorRole.UNIT),
                new RequestDeadlineExtension(LEDGER, "task-p1", later, "范围扩大", ActorRole.UNIT),
                new ApproveDeadlineExtension(LEDGER, "task-p1", "同意", ActorRole.SUPERVISOR),
                new RejectDeadlineExtension(LEDGER, "task-p1", "理由不足", ActorRole.SUPERVISOR),
                new CascadeTask(LEDGER, "task-p1", List.of(new SubTaskSpec("yy-east", "东院", DEADLINE)), ActorRole.UNIT),
                new CompleteSubTask(LEDGER, "task-p1", "task-p1-yy-branch", "", TODAY, ActorRole.UNIT),
                new ReportProgress(LEDGER, "task-p1", "进展", TODAY, ActorRole.UNIT),
                new AttachEvidence(
                        LEDGER, "task-p1", "ev-2", "b.pdf", "application/pdf", 1, "h2", TODAY, ActorRole.UNIT),
                new RecordRegulation(LEDGER, "办法", RegulationAction.ESTABLISHED, TODAY, List.of(), ActorRole.UNIT),
                new VerifyTask(LEDGER, "task-p1", "", TODAY, ActorRole.SUPERVISOR),
                new FailVerification(LEDGER, "task-p1", "反弹", TODAY, ActorRole.SUPERVISOR),
                new FileWrittenReport(LEDGER, "书面报告", "", TODAY, ActorRole.UNIT),
                new FileTrackingEvaluation(LEDGER, "派驻组", "整改到位", TODAY, ActorRole.SUPERVISING_BODY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aClosedLedgerRefusesEveryChangeWithLedgerClosed(Object change) {
        refused(fixture.given(CLOSED).when(change), "LEDGER_CLOSED", Refusal.Kind.CONFLICT);
    }

    @Test
    void aClosedLedgerSaysSoBeforeLookingForTheTaskOfAProgressReportOrEvidence() {
        refused(
                fixture.given(CLOSED).when(new ReportProgress(LEDGER, "task-x", "进展", TODAY, ActorRole.UNIT)),
                "LEDGER_CLOSED",
                Refusal.Kind.CONFLICT);
        refused(
                fixture.given(CLOSED)
                        .when(new AttachEvidence(
                                LEDGER, "task-x", "ev-2", "b.pdf", "application/pdf", 1, "h2", TODAY, ActorRole.UNIT)),
                "LEDGER_CLOSED",
                Refusal.Kind.CONFLICT);
    }

    @Test
    void aClosedLedgerStillAcceptsAStageEvaluationAndDoesNotCloseAgain() {
        fixture.given(CLOSED)
                .when(new RecordStageEvaluation(
                        LEDGER,
                        List.of(new TaskRatingSpec("task-p1", Rating.RECTIFIED, "")),
                        TODAY,
                        ActorRole.SUPERVISOR))
                .expectEvents(new StageEvaluationRecorded(
                        L,
                        UNIT,
                        JUR,
                        "stage-1",
                        TODAY,
                        List.of(new TaskRating("task-p1", Rating.RECTIFIED, "")),
                        "SUPERVISOR"));
    }

    @Test
    void aClosedLedgerStillAcceptsAccountabilityAndDoesNotCloseAgain() {
        fixture.given(CLOSED)
                .when(new OpenAccountabilityCase(
                        LEDGER, List.of("task-r1"), List.of("ev-1"), "核查未通过", TODAY, ActorRole.SUPERVISOR))
                .expectEvents(new AccountabilityCaseOpened(
                        L, "case-1", UNIT, JUR, List.of("task-r1"), List.of("ev-1"), "核查未通过", TODAY, "SUPERVISOR"))
                .expectResultMessagePayload("case-1");
        fixture.given(with(
                        CLOSED,
                        new AccountabilityCaseOpened(
                                L, "case-1", UNIT, JUR, List.of("task-r1"), List.of(), "核查未通过", TODAY, "SUPERVISOR")))
                .when(new ConcludeAccountabilityCase(LEDGER, "case-1", "诫勉谈话", TODAY, ActorRole.SUPERVISOR))
                .expectEvents(new AccountabilityCaseConcluded(L, "case-1", UNIT, JUR, "诫勉谈话", TODAY, "SUPERVISOR"));
    }

    @Test
    void theSweeperFindsNothingToMarkOnAClosedLedger() {
        fixture.given(CLOSED)
                .when(new MarkTaskOverdue(LEDGER, "task-p1", DEADLINE.plusYears(1)))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(CLOSED)
                .when(new MarkWrittenReportOverdue(LEDGER, REPORT_DUE.plusYears(1)))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }
}
