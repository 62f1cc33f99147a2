package io.sanjiaodi.supervision.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.rectification.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How each followed event changes a ledger or an interview, one rule per test, on records in memory. */
class LedgerAndInterviewEventsTest {

    private final LedgerRecord ledger = new LedgerRecord();
    private final InterviewRecord interview = new InterviewRecord();
    private int events;

    @Test
    void aLedgerOpenedBeforeConductedOnExistedCountsInTheYearItWasOpened() throws Exception {
        ledger.openedOn = LocalDate.of(2018, 12, 30);
        onLedger("RectificationOpened", "{\"ledgerId\": \"l\", \"tasks\": [{\"taskId\": \"t1\", \"kind\": \"DUTY\"}]}");

        assertThat(ledger.year).isEqualTo(2018);
        assertThat(ledger.task("t1").kind).isEqualTo("DUTY");
        assertThat(ledger.task("t1").status).isEqualTo(TaskStatus.OPEN);
    }

    @Test
    void theDeadlineMovesOnlyThroughAnApprovedExtensionWhichAlsoEndsTheOverdueMark() throws Exception {
        onLedger("TaskPlanned", "{\"ledgerId\": \"l\", \"taskId\": \"t1\", \"deadline\": \"2019-03-31\"}");
        onLedger("TaskBecameOverdue", "{\"ledgerId\": \"l\", \"taskId\": \"t1\"}");
        onLedger("TaskPlanRevised", """
                {"ledgerId": "l", "taskId": "t1", "measures": "新措施", "reason": "方案不具体"}""");
        assertThat(ledger.task("t1").deadline).isEqualTo(LocalDate.of(2019, 3, 31));
        assertThat(ledger.task("t1").measures).isEqualTo("新措施");
        assertThat(ledger.task("t1").overdue).isTrue();

        onLedger("DeadlineExtensionApproved", """
                {"ledgerId": "l", "taskId": "t1", "newDeadline": "2019-04-30", "comment": "客观原因"}""");
        onLedger("TaskPlanned", "{\"ledgerId\": \"l\", \"taskId\": \"t1\"}");

        LedgerRecord.TaskRecord t = ledger.task("t1");
        assertThat(t.deadline).isEqualTo(LocalDate.of(2019, 4, 30));
        assertThat(t.originalDeadline).isEqualTo(LocalDate.of(2019, 3, 31));
        assertThat(t.overdue).isFalse();
        assertThat(t.history).extracting(LedgerRecord.Step::note).containsExactly(null, null, "方案不具体", "客观原因", null);
    }

    @Test
    void aFailedCheckLeavesThePlanOnRecordAndAPlanNeverUndoesAVerification() throws Exception {
        onLedger("TaskPlanned", "{\"ledgerId\": \"l\", \"taskId\": \"t1\", \"responsibleLeader\": \"院长\"}");
        onLedger("TaskVerificationFailed", "{\"ledgerId\": \"l\", \"taskId\": \"t1\", \"reason\": \"证据不足\"}");
        assertThat(ledger.task("t1").status).isEqualTo(TaskStatus.PLANNED);
        assertThat(ledger.task("t1").responsibleLeader).isEqualTo("院长");

        onLedger("TaskVerified", "{\"ledgerId\": \"l\", \"taskId\": \"t1\", \"verifiedOn\": \"2019-03-20\"}");
        onLedger("TaskPlanRevised", "{\"ledgerId\": \"l\", \"taskId\": \"t1\", \"responsibleLeader\": \"副院长\"}");

        assertThat(ledger.task("t1").status).isEqualTo(TaskStatus.VERIFIED);
        assertThat(ledger.task("t1").verifiedOn).isEqualTo(LocalDate.of(2019, 3, 20));
    }

    @Test
    void aRefusedClosureChangesNothingButTheTasksHistory() throws Exception {
        onLedger("TaskPlanned", "{\"ledgerId\": \"l\", \"taskId\": \"t1\"}");
        onLedger("TaskClosureRefused", "{\"ledgerId\": \"l\", \"taskId\": \"t1\", \"reason\": \"尚有任务未销号\"}");

        assertThat(ledger.task("t1").status).isEqualTo(TaskStatus.PLANNED);
        assertThat(ledger.task("t1").history)
                .extracting(s -> s.type() + " " + s.note())
                .containsExactly("TaskPlanned null", "TaskClosureRefused 尚有任务未销号");
    }

    @Test
    void subTasksProgressReportsAndEvidenceAreCounted() throws Exception {
        onLedger("TaskCascaded", """
                {"ledgerId": "l", "taskId": "t1", "subTasks": [{"subTaskId": "s1"}, {"subTaskId": "s2"}]}""");
        onLedger("TaskCascaded", "{\"ledgerId\": \"l\", \"taskId\": \"t1\", \"subTasks\": [{\"subTaskId\": \"s3\"}]}");
        onLedger("SubTaskCompleted", "{\"ledgerId\": \"l\", \"taskId\": \"t1\", \"subTaskId\": \"s1\"}");
        onLedger("ProgressReported", "{\"ledgerId\": \"l\", \"taskId\": \"t1\"}");
        onLedger("ProgressReported", "{\"ledgerId\": \"l\", \"taskId\": \"t1\"}");
        onLedger("EvidenceAttached", "{\"ledgerId\": \"l\", \"taskId\": \"t1\"}");

        LedgerRecord.TaskRecord t = ledger.task("t1");
        assertThat(new int[] {t.subTasks, t.subTasksDone, t.progressReports, t.evidence})
                .containsExactly(3, 1, 2, 1);
    }

    @Test
    void theReportEvaluationsCasesRegulationsAndClosingAreTheLedgersOwn() throws Exception {
        onLedger("WrittenReportBecameOverdue", "{\"ledgerId\": \"l\"}");
        onLedger("WrittenReportFiled", """
                {"ledgerId": "l", "filedOn": "2019-06-10", "registrationNumber": "WR-1", "late": true}""");
        onLedger("TrackingEvaluationFiled", "{\"ledgerId\": \"l\"}");
        onLedger("StageEvaluationRecorded", """
                {"ledgerId": "l", "results": [{"taskId": "t1", "rating": "NOT_RECTIFIED", "comment": "未整改"},
                                              {"taskId": "t2", "rating": "A_RATING_OF_LATER"}]}""");
        onLedger("RegulationRecorded", """
                {"ledgerId": "l", "regulationId": "r1", "title": "办法", "action": "ESTABLISHED", "taskIds": ["t1"]}""");
        onLedger("AccountabilityCaseOpened", """
                {"ledgerId": "l", "caseId": "c1", "taskIds": ["t1"], "grounds": "逾期", "openedOn": "2019-05-01"}""");
        onLedger("AccountabilityCaseOpened", "{\"ledgerId\": \"l\", \"caseId\": \"c2\", \"taskIds\": []}");
        onLedger("AccountabilityCaseConcluded", """
                {"ledgerId": "l", "caseId": "c1", "outcome": "诫勉谈话", "concludedOn": "2019-06-01"}""");
        onLedger("RectificationClosed", "{\"ledgerId\": \"l\", \"closedOn\": \"2019-12-31\"}");

        assertThat(ledger.writtenReport.overdue).isTrue();
        assertThat(ledger.writtenReport.late).isTrue();
        assertThat(ledger.writtenReport.registrationNumber).isEqualTo("WR-1");
        assertThat(ledger.trackingEvaluationFiled).isTrue();
        assertThat(ledger.stageEvaluations).isEqualTo(1);
        assertThat(ledger.task("t1").rating).isEqualTo("NOT_RECTIFIED");
        assertThat(ledger.task("t2").rating).isNull();
        assertThat(ledger.regulations)
                .containsExactly(new LedgerRecord.Regulation("r1", "办法", "ESTABLISHED", null, java.util.List.of("t1")));
        assertThat(ledger.accountabilityCases)
                .extracting(c -> c.caseId + " " + c.outcome + " " + c.concludedOn)
                .containsExactly("c1 诫勉谈话 2019-06-01", "c2 null null");
        assertThat(ledger.closedOn).isEqualTo(LocalDate.of(2019, 12, 31));
    }

    @Test
    void aRescheduleMovesThePlannedDateButNeverUndoesACancellation() throws Exception {
        onInterview("InterviewScheduled", """
                {"interviewId": "iv", "plannedDate": "2019-03-01", "leadInterviewer": {"name": "徐立"},
                 "interviewee": {"unitId": "u", "unitName": "单位", "jurisdictionId": "yuyao", "cadreLevel": "COUNTY_MANAGED"}}""");
        assertThat(interview.status).isEqualTo("SCHEDULED");
        assertThat(interview.cadreLevel).isEqualTo("COUNTY_MANAGED");
        onInterview("InterviewCancelled", "{\"interviewId\": \"iv\"}");
        onInterview("InterviewRescheduled", "{\"interviewId\": \"iv\", \"plannedDate\": \"2020-01-05\"}");
        onInterview("InterviewScheduled", "{\"interviewId\": \"iv\", \"plannedDate\": \"2020-01-06\"}");

        assertThat(interview.status).isEqualTo("CANCELLED");
        assertThat(interview.plannedDate).isEqualTo(LocalDate.of(2020, 1, 6));
        assertThat(interview.year).isEqualTo(2020);
        assertThat(interview.leadInterviewer).isEqualTo("徐立");
        assertThat(interview.unitId).isEqualTo("u");
    }

    @Test
    void aConductedInterviewCountsItsListsInTheYearItWasHeld() throws Exception {
        onInterview("InterviewScheduled", "{\"interviewId\": \"iv\", \"plannedDate\": \"2018-12-28\"}");
        onInterview("InterviewConducted", """
                {"interviewId": "iv", "conductedOn": "2019-01-03", "listsHash": "h",
                 "lists": {"responsibilities": [{"itemId": "d1"}, {"itemId": "d2"}], "problems": [{"itemId": "p1"}],
                           "risks": [{"itemId": "k1"}, {"itemId": "k2"}, {"itemId": "k3"}]}}""");

        assertThat(interview.status).isEqualTo("CONDUCTED");
        assertThat(interview.year).isEqualTo(2019);
        assertThat(interview.leadInterviewer).isNull();
        assertThat(new int[] {interview.responsibilityCount, interview.problemCount, interview.riskCount})
                .containsExactly(2, 1, 3);
        assertThat(interview.listsHash).isEqualTo("h");
    }

    private void onLedger(String type, String payload) throws Exception {
        RecordedEvent e = event(type, payload);
        assertThat(LedgerEvents.ROUTES.follows(e)).as(type).isTrue();
        LedgerEvents.ROUTES.apply(ledger, e);
    }

    private void onInterview(String type, String payload) throws Exception {
        RecordedEvent e = event(type, payload);
        assertThat(InterviewEvents.ROUTES.follows(e)).as(type).isTrue();
        InterviewEvents.ROUTES.apply(interview, e);
    }

    private RecordedEvent event(String type, String payload) throws Exception {
        events++;
        return new RecordedEvent(
                "e" + events,
                type,
                "aggregate",
                events,
                Instant.parse("2019-03-01T08:00:00Z").plusSeconds(events),
                EventPayloads.read(type, payload.getBytes(StandardCharsets.UTF_8)));
    }
}
