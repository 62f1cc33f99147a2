package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.Given.*;

import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.testing.Refusals;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Verification-only closing (对账销号): a supervisor crosses a task off; a unit's attempt is recorded. */
class VerificationTest {

    private final FixtureConfiguration<Rectification> fixture = Given.ledger();

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
                .expectEvents(new TaskClosureRefused(
                        L,
                        "task-p1",
                        UNIT,
                        JUR,
                        "UNIT_CANNOT_CLOSE_OWN_TASK",
                        "a unit can never close its own tasks; only a supervisor verifies against the list",
                        TODAY,
                        "UNIT"))
                .expectResultMessagePayloadMatching(
                        Refusals.refused("UNIT_CANNOT_CLOSE_OWN_TASK", Refusal.Kind.FORBIDDEN));
    }

    @Test
    void theSupervisingBodyDoesNotCrossOffTasks() {
        refused(
                fixture.given(OPENED, planned("task-p1"))
                        .when(new VerifyTask(LEDGER, "task-p1", "", TODAY, ActorRole.SUPERVISING_BODY)),
                "ROLE_NOT_ALLOWED",
                Refusal.Kind.FORBIDDEN);
    }

    @Test
    void aTaskWithoutAPlanCannotBeVerified() {
        refused(
                fixture.given(OPENED).when(new VerifyTask(LEDGER, "task-p1", "", TODAY, ActorRole.SUPERVISOR)),
                "TASK_NOT_PLANNED",
                Refusal.Kind.CONFLICT);
    }

    @Test
    void aPlanIsTheTasksOwnAndDoesNotMakeAnotherTaskVerifiable() {
        refused(
                fixture.given(OPENED, planned("task-p1"))
                        .when(new VerifyTask(LEDGER, "task-r1", "", TODAY, ActorRole.SUPERVISOR)),
                "TASK_NOT_PLANNED",
                Refusal.Kind.CONFLICT);
    }

    @Test
    void aTaskIsVerifiedOnlyOnce() {
        refused(
                fixture.given(OPENED, planned("task-p1"), verified("task-p1"))
                        .when(new VerifyTask(LEDGER, "task-p1", "", TODAY, ActorRole.SUPERVISOR)),
                "TASK_ALREADY_VERIFIED",
                Refusal.Kind.CONFLICT);
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
                .expectEvents(
                        new TaskVerificationFailed(L, "task-p1", UNIT, JUR, TODAY, "复查发现问题反弹", true, "SUPERVISOR"));
        fixture.given(
                        OPENED,
                        planned("task-p1"),
                        verified("task-p1"),
                        new TaskVerificationFailed(L, "task-p1", UNIT, JUR, TODAY, "反弹", true, "SUPERVISOR"))
                .when(new VerifyTask(LEDGER, "task-p1", "再次核查通过", TODAY, ActorRole.SUPERVISOR))
                .expectEvents(new TaskVerified(L, "task-p1", UNIT, JUR, TODAY, "再次核查通过", "SUPERVISOR"));
    }

    @Test
    void aFailedCheckNeedsAReason() {
        refusedToMake(
                () -> new FailVerification(LEDGER, "task-p1", " ", TODAY, ActorRole.SUPERVISOR),
                "FAILURE_REASON_REQUIRED");
    }

    @Test
    void theUnitCannotFailOrPassItsOwnCheck() {
        refused(
                fixture.given(OPENED, planned("task-p1"))
                        .when(new FailVerification(LEDGER, "task-p1", "x", TODAY, ActorRole.UNIT)),
                "ROLE_NOT_ALLOWED",
                Refusal.Kind.FORBIDDEN);
    }

    @Test
    void aVerifiedTaskCannotBeReplanned() {
        refused(
                fixture.given(OPENED, planned("task-p1"), verified("task-p1"))
                        .when(new RevisePlan(LEDGER, "task-p1", "a", "b", "c", "d", ActorRole.UNIT)),
                "TASK_ALREADY_VERIFIED",
                Refusal.Kind.CONFLICT);
    }

    /** Every change a unit or a supervisor can make to a task, on task-p1. */
    static Stream<Object> changesToTaskP1() {
        return Stream.of(
                new PlanTask(LEDGER, "task-p1", "院长", "院办", DEADLINE, "措施", ActorRole.UNIT),
                new RevisePlan(LEDGER, "task-p1", "院长", "院办", "措施", "调整", ActorRole.UNIT),
                new RequestDeadlineExtension(LEDGER, "task-p1", DEADLINE.plusMonths(3), "再延", ActorRole.UNIT),
                new ApproveDeadlineExtension(LEDGER, "task-p1", "同意", ActorRole.SUPERVISOR),
                new RejectDeadlineExtension(LEDGER, "task-p1", "理由不足", ActorRole.SUPERVISOR),
                new CascadeTask(LEDGER, "task-p1", List.of(new SubTaskSpec("yy-east", "东院", DEADLINE)), ActorRole.UNIT),
                new CompleteSubTask(LEDGER, "task-p1", "task-p1-yy-branch", "", TODAY, ActorRole.UNIT),
                new ReportProgress(LEDGER, "task-p1", "进展", TODAY, ActorRole.UNIT),
                new AttachEvidence(
                        LEDGER, "task-p1", "ev-1", "a.pdf", "application/pdf", 1, "h", TODAY, ActorRole.UNIT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesToTaskP1")
    void aCrossedOffTaskOnAnOpenLedgerRefusesEveryChangeWithTaskAlreadyVerified(Object change) {
        refused(
                fixture.given(
                                OPENED,
                                planned("task-p1"),
                                CASCADED,
                                new SubTaskCompleted(
                                        L, "task-p1", "task-p1-yy-branch", "yy-branch", UNIT, JUR, TODAY, "", "UNIT"),
                                new DeadlineExtensionRequested(
                                        L, "task-p1", UNIT, JUR, DEADLINE, DEADLINE.plusMonths(2), "范围扩大", "UNIT"),
                                verified("task-p1"))
                        .when(change),
                "TASK_ALREADY_VERIFIED",
                Refusal.Kind.CONFLICT);
    }

    @Test
    void theOtherTasksOfTheLedgerStayChangeableWhenOneIsCrossedOff() {
        fixture.given(OPENED, planned("task-p1"), verified("task-p1"))
                .when(new ReportProgress(LEDGER, "task-r1", "进展", TODAY, ActorRole.UNIT))
                .expectEvents(new ProgressReported(L, "task-r1", UNIT, JUR, "progress-1", TODAY, "进展", "UNIT"));
    }
}
