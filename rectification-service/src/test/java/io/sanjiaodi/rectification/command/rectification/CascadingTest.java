package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.Given.*;

import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Cascading a task to subordinate units: one sub-task each, and the parent waits for all of them. */
class CascadingTest {

    private final FixtureConfiguration<Rectification> fixture = Given.ledger();

    @Test
    void aTaskIsCascadedToSubordinateUnitsEachWithItsOwnSubTask() {
        fixture.given(OPENED, planned("task-p1"))
                .when(new CascadeTask(
                        LEDGER,
                        "task-p1",
                        List.of(new SubTaskSpec("yy-branch", "分院", LocalDate.of(2019, 5, 31))),
                        ActorRole.UNIT))
                .expectEvents(CASCADED);
    }

    @Test
    void aSubTaskCannotBeDueAfterItsTask() {
        refused(
                fixture.given(OPENED, planned("task-p1"))
                        .when(new CascadeTask(
                                LEDGER,
                                "task-p1",
                                List.of(new SubTaskSpec("yy-branch", "分院", DEADLINE.plusDays(1))),
                                ActorRole.UNIT)),
                "SUB_TASK_DEADLINE_AFTER_TASK",
                Refusal.Kind.UNPROCESSABLE);
    }

    @Test
    void aSubTaskCannotBeDueBeforeTheTalk() {
        refused(
                fixture.given(OPENED, planned("task-p1"))
                        .when(new CascadeTask(
                                LEDGER,
                                "task-p1",
                                List.of(new SubTaskSpec("yy-branch", "分院", TALK.minusDays(1))),
                                ActorRole.UNIT)),
                "DEADLINE_BEFORE_TALK",
                Refusal.Kind.UNPROCESSABLE);
    }

    @Test
    void aSubordinateUnitGetsOneSubTaskPerTask() {
        refused(
                fixture.given(OPENED, planned("task-p1"), CASCADED)
                        .when(new CascadeTask(
                                LEDGER,
                                "task-p1",
                                List.of(new SubTaskSpec("yy-branch", "分院", DEADLINE)),
                                ActorRole.UNIT)),
                "SUB_TASK_EXISTS",
                Refusal.Kind.CONFLICT);
    }

    @Test
    void onlyAPlannedTaskIsCascaded() {
        refused(
                fixture.given(OPENED)
                        .when(new CascadeTask(
                                LEDGER,
                                "task-p1",
                                List.of(new SubTaskSpec("yy-branch", "分院", DEADLINE)),
                                ActorRole.UNIT)),
                "TASK_NOT_PLANNED",
                Refusal.Kind.CONFLICT);
    }

    @Test
    void aSubTaskIsCompletedOnce() {
        LocalDate on = LocalDate.of(2019, 5, 1);
        fixture.given(OPENED, planned("task-p1"), CASCADED)
                .when(new CompleteSubTask(LEDGER, "task-p1", "task-p1-yy-branch", "已完成", on, ActorRole.UNIT))
                .expectEvents(new SubTaskCompleted(
                        L, "task-p1", "task-p1-yy-branch", "yy-branch", UNIT, JUR, on, "已完成", "UNIT"));
        refused(
                fixture.given(
                                OPENED,
                                planned("task-p1"),
                                CASCADED,
                                new SubTaskCompleted(
                                        L, "task-p1", "task-p1-yy-branch", "yy-branch", UNIT, JUR, on, "", "UNIT"))
                        .when(new CompleteSubTask(LEDGER, "task-p1", "task-p1-yy-branch", "", on, ActorRole.UNIT)),
                "SUB_TASK_ALREADY_COMPLETED",
                Refusal.Kind.CONFLICT);
    }

    @Test
    void anUnknownSubTaskIsNotFound() {
        refused(
                fixture.given(OPENED, planned("task-p1"), CASCADED)
                        .when(new CompleteSubTask(LEDGER, "task-p1", "task-p1-nobody", "", TODAY, ActorRole.UNIT)),
                "SUB_TASK_NOT_FOUND",
                Refusal.Kind.NOT_FOUND);
    }

    @Test
    void theParentCannotBeVerifiedWhileASubTaskIsOpen() {
        refused(
                fixture.given(OPENED, planned("task-p1"), CASCADED)
                        .when(new VerifyTask(LEDGER, "task-p1", "", TODAY, ActorRole.SUPERVISOR)),
                "SUB_TASKS_OPEN",
                Refusal.Kind.UNPROCESSABLE);
    }

    @Test
    void theParentIsVerifiedOnceEverySubTaskIsDone() {
        fixture.given(
                        OPENED,
                        planned("task-p1"),
                        CASCADED,
                        new SubTaskCompleted(
                                L, "task-p1", "task-p1-yy-branch", "yy-branch", UNIT, JUR, TODAY, "", "UNIT"))
                .when(new VerifyTask(LEDGER, "task-p1", "核查通过", TODAY, ActorRole.SUPERVISOR))
                .expectEvents(new TaskVerified(L, "task-p1", UNIT, JUR, TODAY, "核查通过", "SUPERVISOR"));
    }
}
