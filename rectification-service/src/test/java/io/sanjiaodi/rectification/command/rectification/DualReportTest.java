package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.Given.*;

import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** The dual report (双报告): the unit's written report and the supervising body's tracking evaluation. */
class DualReportTest {

    private final FixtureConfiguration<Rectification> fixture = Given.ledger();

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
                .expectEvents(new WrittenReportFiled(
                        L, "iv-9", UNIT, JUR, "WR-2019-yuyao-iv-9", "书面报告", "s", REPORT_DUE, on, true, "UNIT"));
    }

    @Test
    void theWrittenReportIsFiledOnce() {
        refused(
                fixture.given(OPENED, REPORT_FILED)
                        .when(new FileWrittenReport(LEDGER, "again", "", TODAY, ActorRole.UNIT)),
                "WRITTEN_REPORT_ALREADY_FILED",
                Refusal.Kind.CONFLICT);
    }

    @Test
    void theWrittenReportIsTheIntervieweesNotTheSupervisors() {
        refused(
                fixture.given(OPENED).when(new FileWrittenReport(LEDGER, "x", "", TODAY, ActorRole.SUPERVISOR)),
                "ROLE_NOT_ALLOWED",
                Refusal.Kind.FORBIDDEN);
    }

    @Test
    void theSupervisingBodyFilesTheTrackingEvaluation() {
        fixture.given(OPENED)
                .when(new FileTrackingEvaluation(
                        LEDGER, "余姚市纪委派驻组", "整改到位", LocalDate.of(2019, 5, 25), ActorRole.SUPERVISING_BODY))
                .expectEvents(TRACKING_FILED);
    }

    @Test
    void theUnitCannotFileItsOwnTrackingEvaluation() {
        refused(
                fixture.given(OPENED).when(new FileTrackingEvaluation(LEDGER, "x", "y", TODAY, ActorRole.UNIT)),
                "ROLE_NOT_ALLOWED",
                Refusal.Kind.FORBIDDEN);
    }

    @Test
    void theRegistrationNumberCarriesTheYearOfTheTalkNotOfTheFiling() {
        LocalDate nextYear = LocalDate.of(2020, 1, 10);
        fixture.given(OPENED)
                .when(new FileWrittenReport(LEDGER, "书面报告", "", nextYear, ActorRole.UNIT))
                .expectEvents(new WrittenReportFiled(
                        L, "iv-9", UNIT, JUR, "WR-2019-yuyao-iv-9", "书面报告", "", REPORT_DUE, nextYear, true, "UNIT"))
                .expectResultMessagePayload("WR-2019-yuyao-iv-9");
    }

    @Test
    void aLedgerOpenedBeforeTheTalkDateWasRecordedRegistersUnderTheYearOfFilingAndIsNeverLate() {
        LocalDate on = LocalDate.of(2020, 1, 10);
        fixture.given(new RectificationOpened(L, "iv-9", UNIT, "余姚市人民医院", JUR, TASKS, null, null, null))
                .when(new FileWrittenReport(LEDGER, "书面报告", null, on, ActorRole.UNIT))
                .expectEvents(new WrittenReportFiled(
                        L, "iv-9", UNIT, JUR, "WR-2020-yuyao-iv-9", "书面报告", "", null, on, false, "UNIT"))
                .expectResultMessagePayload("WR-2020-yuyao-iv-9");
    }

    @Test
    void aReportFiledOnItsDueDateIsNotLate() {
        fixture.given(OPENED)
                .when(new FileWrittenReport(LEDGER, "书面报告", "", REPORT_DUE, ActorRole.UNIT))
                .expectEvents(new WrittenReportFiled(
                        L, "iv-9", UNIT, JUR, "WR-2019-yuyao-iv-9", "书面报告", "", REPORT_DUE, REPORT_DUE, false, "UNIT"));
    }

    @Test
    void theTrackingEvaluationIsFiledOnce() {
        refused(
                fixture.given(OPENED, TRACKING_FILED)
                        .when(new FileTrackingEvaluation(LEDGER, "派驻组", "再次评价", TODAY, ActorRole.SUPERVISING_BODY)),
                "TRACKING_EVALUATION_ALREADY_FILED",
                Refusal.Kind.CONFLICT);
    }
}
