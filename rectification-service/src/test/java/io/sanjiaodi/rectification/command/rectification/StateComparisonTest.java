package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.Given.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.rectification.AccountabilityCaseOpened;
import io.sanjiaodi.contracts.rectification.RectificationOpened.TaskKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The aggregate fixture catches a command handler that changes state itself (instead of in an
 * event sourcing handler) by comparing the state the command left with the state its events
 * rebuild. It can only see what the state holders' {@code equals} tells apart: each of them must
 * tell apart a state an event changed from the one before it.
 */
class StateComparisonTest {

    @Test
    void aTaskAndItsStateDifferOnceAnEventChangedThem() {
        Task before = new Task("task-p1", TaskKind.PROBLEM_RECTIFICATION, null);
        Task after = new Task("task-p1", TaskKind.PROBLEM_RECTIFICATION, null);
        assertThat(after).isEqualTo(before);
        after.on(planned("task-p1"));
        assertThat(after).isNotEqualTo(before);
        assertThat(new Task("task-r1", TaskKind.PROBLEM_RECTIFICATION, null)).isNotEqualTo(before);
    }

    @Test
    void subTasksDifferOnceOneIsAddedOrDone() {
        SubTasks before = new SubTasks();
        SubTasks after = new SubTasks();
        assertThat(after).isEqualTo(before);
        after.added("task-p1-yy-branch");
        assertThat(after).isNotEqualTo(before);
        before.added("task-p1-yy-branch");
        after.completed("task-p1-yy-branch");
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void theDualReportDiffersOnceAReportIsFiled() {
        DualReport before = new DualReport(REPORT_DUE, null);
        DualReport after = new DualReport(REPORT_DUE, null);
        assertThat(after).isEqualTo(before);
        after.on(TRACKING_FILED);
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void accountabilityDiffersOnceACaseIsOpened() {
        Accountability before = new Accountability(null);
        Accountability after = new Accountability(null);
        assertThat(after).isEqualTo(before);
        after.on(new AccountabilityCaseOpened(
                L, "case-1", UNIT, JUR, List.of("task-p1"), List.of(), "逾期", TODAY, "SUPERVISOR"));
        assertThat(after).isNotEqualTo(before);
    }
}
