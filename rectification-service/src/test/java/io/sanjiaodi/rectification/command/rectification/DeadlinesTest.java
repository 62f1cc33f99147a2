package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.Given.*;

import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Deadlines as the sweeper sees them: overdue exactly once, never when verified or filed. */
class DeadlinesTest {

    private final FixtureConfiguration<Rectification> fixture = Given.ledger();

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
                .expectEvents(new WrittenReportBecameOverdue(L, "iv-9", UNIT, JUR, REPORT_DUE, REPORT_DUE.plusDays(1)))
                .expectResultMessagePayload(true);
        fixture.given(OPENED, new WrittenReportBecameOverdue(L, "iv-9", UNIT, JUR, REPORT_DUE, REPORT_DUE.plusDays(1)))
                .when(new MarkWrittenReportOverdue(LEDGER, REPORT_DUE.plusDays(2)))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void theWrittenReportIsNotOverdueOnItsDueDate() {
        fixture.given(OPENED)
                .when(new MarkWrittenReportOverdue(LEDGER, REPORT_DUE))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aLedgerOpenedBeforeDueDatesWereRecordedNeverHasAnOverdueWrittenReport() {
        fixture.given(new RectificationOpened(L, "iv-9", UNIT, "余姚市人民医院", JUR, TASKS, null, null, null))
                .when(new MarkWrittenReportOverdue(LEDGER, REPORT_DUE.plusYears(1)))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aFiledWrittenReportIsNeverOverdue() {
        fixture.given(OPENED, REPORT_FILED)
                .when(new MarkWrittenReportOverdue(LEDGER, REPORT_DUE.plusDays(10)))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }
}
