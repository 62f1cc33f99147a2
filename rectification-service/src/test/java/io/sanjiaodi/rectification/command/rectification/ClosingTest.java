package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.Given.*;

import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.contracts.rectification.RegulationRecorded.RegulationAction;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Closing the ledger (挂账销号) exactly when the last condition is met, and nothing after. */
class ClosingTest {

    private final FixtureConfiguration<Rectification> fixture = new AggregateTestFixture<>(Rectification.class);

    private final Object[] allButLastTask = {
        OPENED,
        planned("task-p1"),
        planned("task-r1"),
        planned("task-d1"),
        verified("task-p1"),
        verified("task-r1"),
        REPORT_FILED,
        TRACKING_FILED
    };

    @Test
    void verifyingTheLastTaskWithBothReportsFiledClosesTheLedger() {
        fixture.given(allButLastTask)
                .when(new VerifyTask(LEDGER, "task-d1", "", TODAY, ActorRole.SUPERVISOR))
                .expectEvents(
                        new TaskVerified(L, "task-d1", UNIT, JUR, TODAY, "", "SUPERVISOR"),
                        new RectificationClosed(L, "iv-9", UNIT, JUR, 3, TODAY));
    }

    @Test
    void filingTheLastReportAfterEveryTaskIsVerifiedClosesTheLedger() {
        fixture.given(
                        OPENED,
                        planned("task-p1"),
                        planned("task-r1"),
                        planned("task-d1"),
                        verified("task-p1"),
                        verified("task-r1"),
                        verified("task-d1"),
                        REPORT_FILED)
                .when(new FileTrackingEvaluation(
                        LEDGER, "余姚市纪委派驻组", "整改到位", LocalDate.of(2019, 5, 25), ActorRole.SUPERVISING_BODY))
                .expectEvents(
                        TRACKING_FILED, new RectificationClosed(L, "iv-9", UNIT, JUR, 3, LocalDate.of(2019, 5, 25)));
    }

    @Test
    void aLedgerWithAnUnverifiedTaskStaysOpen() {
        fixture.given(OPENED, planned("task-p1"), verified("task-p1"), REPORT_FILED)
                .when(new FileTrackingEvaluation(
                        LEDGER, "余姚市纪委派驻组", "整改到位", LocalDate.of(2019, 5, 25), ActorRole.SUPERVISING_BODY))
                .expectEvents(TRACKING_FILED);
    }

    @Test
    void aClosedLedgerAcceptsNoFurtherChanges() {
        Object[] closed = {
            OPENED,
            planned("task-p1"),
            planned("task-r1"),
            planned("task-d1"),
            verified("task-p1"),
            verified("task-r1"),
            verified("task-d1"),
            REPORT_FILED,
            TRACKING_FILED,
            new RectificationClosed(L, "iv-9", UNIT, JUR, 3, TODAY)
        };
        refused(
                fixture.given(closed).when(new FailVerification(LEDGER, "task-p1", "x", TODAY, ActorRole.SUPERVISOR)),
                "LEDGER_CLOSED",
                Refusal.Kind.CONFLICT);
        refused(
                fixture.given(closed)
                        .when(new RecordRegulation(
                                LEDGER, "办法", RegulationAction.ESTABLISHED, TODAY, List.of(), ActorRole.UNIT)),
                "LEDGER_CLOSED",
                Refusal.Kind.CONFLICT);
    }
}
