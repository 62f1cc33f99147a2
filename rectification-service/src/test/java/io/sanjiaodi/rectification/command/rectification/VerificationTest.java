package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.Given.*;

import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.testing.Refusals;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Verification-only closing (对账销号): a supervisor crosses a task off; a unit's attempt is recorded. */
class VerificationTest {

    private final FixtureConfiguration<Rectification> fixture = new AggregateTestFixture<>(Rectification.class);

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
}
