package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.Given.*;

import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Deadline extensions: requested by the unit, decided by a supervisor, the original deadline kept. */
class ExtensionsTest {

    private final FixtureConfiguration<Rectification> fixture = Given.ledger();

    private final DeadlineExtensionRequested requested =
            new DeadlineExtensionRequested(L, "task-p1", UNIT, JUR, DEADLINE, DEADLINE.plusMonths(2), "范围扩大", "UNIT");

    @Test
    void theUnitRequestsALaterDeadline() {
        fixture.given(OPENED, planned("task-p1"))
                .when(new RequestDeadlineExtension(LEDGER, "task-p1", DEADLINE.plusMonths(2), "范围扩大", ActorRole.UNIT))
                .expectEvents(requested);
    }

    @Test
    void anExtensionMustMoveTheDeadlineLater() {
        refused(
                fixture.given(OPENED, planned("task-p1"))
                        .when(new RequestDeadlineExtension(LEDGER, "task-p1", DEADLINE, "原因", ActorRole.UNIT)),
                "EXTENSION_NOT_LATER",
                Refusal.Kind.UNPROCESSABLE);
    }

    @Test
    void onlyOneExtensionAwaitsADecisionAtATime() {
        refused(
                fixture.given(OPENED, planned("task-p1"), requested)
                        .when(new RequestDeadlineExtension(
                                LEDGER, "task-p1", DEADLINE.plusMonths(3), "原因", ActorRole.UNIT)),
                "EXTENSION_PENDING",
                Refusal.Kind.CONFLICT);
    }

    @Test
    void aSupervisorApprovesAndTheOriginalDeadlineStaysOnRecord() {
        fixture.given(OPENED, planned("task-p1"), requested)
                .when(new ApproveDeadlineExtension(LEDGER, "task-p1", "同意", ActorRole.SUPERVISOR))
                .expectEvents(new DeadlineExtensionApproved(
                        L, "task-p1", UNIT, JUR, DEADLINE, DEADLINE, DEADLINE.plusMonths(2), "同意", "SUPERVISOR"));
    }

    @Test
    void aSecondExtensionStillNamesTheFirstPlansDeadlineAsOriginal() {
        LocalDate first = DEADLINE.plusMonths(2);
        fixture.given(
                        OPENED,
                        planned("task-p1"),
                        requested,
                        new DeadlineExtensionApproved(
                                L, "task-p1", UNIT, JUR, DEADLINE, DEADLINE, first, "", "SUPERVISOR"),
                        new DeadlineExtensionRequested(
                                L, "task-p1", UNIT, JUR, first, first.plusMonths(1), "再延", "UNIT"))
                .when(new ApproveDeadlineExtension(LEDGER, "task-p1", null, ActorRole.SUPERVISOR))
                .expectEvents(new DeadlineExtensionApproved(
                        L, "task-p1", UNIT, JUR, DEADLINE, first, first.plusMonths(1), "", "SUPERVISOR"));
    }

    @Test
    void theUnitCannotApproveItsOwnExtension() {
        refused(
                fixture.given(OPENED, planned("task-p1"), requested)
                        .when(new ApproveDeadlineExtension(LEDGER, "task-p1", "", ActorRole.UNIT)),
                "ROLE_NOT_ALLOWED",
                Refusal.Kind.FORBIDDEN);
    }

    @Test
    void aSupervisorRejectsWithAReasonAndTheDeadlineStays() {
        fixture.given(OPENED, planned("task-p1"), requested)
                .when(new RejectDeadlineExtension(LEDGER, "task-p1", "理由不充分", ActorRole.SUPERVISOR))
                .expectEvents(new DeadlineExtensionRejected(
                        L, "task-p1", UNIT, JUR, DEADLINE.plusMonths(2), DEADLINE, "理由不充分", "SUPERVISOR"));
    }

    @Test
    void thereIsNothingToDecideWithoutARequest() {
        refused(
                fixture.given(OPENED, planned("task-p1"))
                        .when(new ApproveDeadlineExtension(LEDGER, "task-p1", "", ActorRole.SUPERVISOR)),
                "NO_PENDING_EXTENSION",
                Refusal.Kind.CONFLICT);
    }

    @Test
    void anApprovedExtensionLetsAnOverdueTaskBecomeOverdueAgainOnlyAgainstTheNewDeadline() {
        LocalDate later = DEADLINE.plusMonths(2);
        fixture.given(
                        OPENED,
                        planned("task-p1"),
                        overdue("task-p1"),
                        new DeadlineExtensionRequested(L, "task-p1", UNIT, JUR, DEADLINE, later, "r", "UNIT"),
                        new DeadlineExtensionApproved(
                                L, "task-p1", UNIT, JUR, DEADLINE, DEADLINE, later, "", "SUPERVISOR"))
                .when(new MarkTaskOverdue(LEDGER, "task-p1", DEADLINE.plusDays(5)))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void anExtensionNamesTheDeadlineItAsksFor() {
        refused(
                fixture.given(OPENED, planned("task-p1"))
                        .when(new RequestDeadlineExtension(LEDGER, "task-p1", null, "原因", ActorRole.UNIT)),
                "DEADLINE_REQUIRED",
                Refusal.Kind.UNPROCESSABLE);
    }

    @Test
    void onlyAPlannedTaskHasADeadlineToExtend() {
        refused(
                fixture.given(OPENED)
                        .when(new RequestDeadlineExtension(
                                LEDGER, "task-p1", DEADLINE.plusMonths(1), "原因", ActorRole.UNIT)),
                "TASK_NOT_PLANNED",
                Refusal.Kind.CONFLICT);
    }

    @Test
    void aDecidedExtensionLeavesNothingToDecideAndTheNextMayBeRequested() {
        DeadlineExtensionRejected rejected = new DeadlineExtensionRejected(
                L, "task-p1", UNIT, JUR, DEADLINE.plusMonths(2), DEADLINE, "理由不充分", "SUPERVISOR");
        refused(
                fixture.given(OPENED, planned("task-p1"), requested, rejected)
                        .when(new RejectDeadlineExtension(LEDGER, "task-p1", "again", ActorRole.SUPERVISOR)),
                "NO_PENDING_EXTENSION",
                Refusal.Kind.CONFLICT);
        fixture.given(OPENED, planned("task-p1"), requested, rejected)
                .when(new RequestDeadlineExtension(LEDGER, "task-p1", DEADLINE.plusMonths(1), "再申请", ActorRole.UNIT))
                .expectEvents(new DeadlineExtensionRequested(
                        L, "task-p1", UNIT, JUR, DEADLINE, DEADLINE.plusMonths(1), "再申请", "UNIT"));
    }

    @Test
    void afterAnApprovalTheNextExtensionMustBeLaterThanTheApprovedDeadline() {
        refused(
                fixture.given(
                                OPENED,
                                planned("task-p1"),
                                requested,
                                new DeadlineExtensionApproved(
                                        L,
                                        "task-p1",
                                        UNIT,
                                        JUR,
                                        DEADLINE,
                                        DEADLINE,
                                        DEADLINE.plusMonths(2),
                                        "",
                                        "SUPERVISOR"))
                        .when(new RequestDeadlineExtension(
                                LEDGER, "task-p1", DEADLINE.plusMonths(1), "再延", ActorRole.UNIT)),
                "EXTENSION_NOT_LATER",
                Refusal.Kind.UNPROCESSABLE);
    }
}
