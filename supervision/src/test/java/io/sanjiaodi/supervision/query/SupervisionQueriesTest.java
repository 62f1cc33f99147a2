package io.sanjiaodi.supervision.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.contracts.rectification.TaskStatus;
import io.sanjiaodi.contracts.rectification.WarningLevel;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.supervision.projection.InterviewRecord;
import io.sanjiaodi.supervision.projection.LedgerRecord;
import io.sanjiaodi.supervision.projection.LedgerRecord.TaskRecord;
import io.sanjiaodi.supervision.projection.ModelCollections;
import io.sanjiaodi.supervision.query.SupervisionViews.AccountabilityRow;
import io.sanjiaodi.supervision.query.SupervisionViews.EvaluationRow;
import io.sanjiaodi.supervision.query.SupervisionViews.JurisdictionCount;
import io.sanjiaodi.supervision.query.SupervisionViews.MonthCount;
import io.sanjiaodi.supervision.query.SupervisionViews.Overview;
import io.sanjiaodi.supervision.query.SupervisionViews.TaskWarning;
import io.sanjiaodi.supervision.testing.MongoWire;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The supervision queries over records stored as the projector stores them; "today" is 2019-03-25. */
class SupervisionQueriesTest {

    static final LocalDate TODAY = LocalDate.of(2019, 3, 25);
    private final MongoWire store = new MongoWire();
    private final MongoTemplate mongo = store.template();
    private final SupervisionQueries queries = new SupervisionQueries(
            mongo,
            ModelCollections.first(),
            new WarningLevel.Thresholds(20, 10),
            Clock.fixed(Instant.parse("2019-03-25T10:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void ledgersAreCutToTheJurisdictionAndYearAskedForAndAllAreGivenWhenNoneIsAsked() {
        save(ledger("a", "yy-hospital", "yuyao", 2019));
        save(ledger("b", "yy-hospital", "yuyao", 2018));
        save(ledger("c", "fh-school", "fenghua", 2019));

        assertThat(ids(queries.ledgers("yuyao", 2019))).containsExactly("a");
        assertThat(ids(queries.ledgers("yuyao", null))).containsExactlyInAnyOrder("a", "b");
        assertThat(ids(queries.ledgers(null, 2019))).containsExactlyInAnyOrder("a", "c");
        assertThat(ids(queries.ledgers(null, null))).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void onlyConductedInterviewsAreListedCutToTheJurisdictionAndYearAskedFor() {
        save(interview("held-yuyao-2019", "yy-hospital", "yuyao", "CONDUCTED", LocalDate.of(2019, 3, 1)));
        save(interview("held-yuyao-2018", "yy-hospital", "yuyao", "CONDUCTED", LocalDate.of(2018, 3, 1)));
        save(interview("held-fenghua-2019", "fh-school", "fenghua", "CONDUCTED", LocalDate.of(2019, 4, 1)));
        InterviewRecord scheduled = interview("scheduled", "yy-hospital", "yuyao", "SCHEDULED", null);
        scheduled.year = 2019;
        save(scheduled);
        InterviewRecord cancelled = interview("cancelled", "yy-hospital", "yuyao", "CANCELLED", null);
        cancelled.year = 2019;
        save(cancelled);

        assertThat(queries.interviews("yuyao", 2019))
                .extracting(i -> i.interviewId)
                .containsExactly("held-yuyao-2019");
        assertThat(queries.interviews("yuyao", null))
                .extracting(i -> i.interviewId)
                .containsExactlyInAnyOrder("held-yuyao-2019", "held-yuyao-2018");
        assertThat(queries.interviews(null, 2019))
                .extracting(i -> i.interviewId)
                .containsExactlyInAnyOrder("held-yuyao-2019", "held-fenghua-2019");
        assertThat(queries.interviews(null, null)).hasSize(3);
    }

    @Test
    void aLedgerOrInterviewIsFoundByItsIdAndAMissingOneIsNotFound() {
        save(ledger("a", "yy-hospital", "yuyao", 2019));
        save(interview("iv-1", "yy-hospital", "yuyao", "CONDUCTED", LocalDate.of(2019, 3, 1)));

        assertThat(queries.ledger("a").unitId).isEqualTo("yy-hospital");
        assertThat(queries.interview("iv-1").unitId).isEqualTo("yy-hospital");
        assertThatThrownBy(() -> queries.ledger("nope"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("LEDGER_NOT_FOUND"));
        assertThatThrownBy(() -> queries.interview("nope"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("INTERVIEW_NOT_FOUND"));
    }

    @Test
    void theOverviewCountsTasksByStatusAndATaskAsOverdueOnlyWhileItIsUnverified() {
        LedgerRecord l = ledger("a", "yy-hospital", "yuyao", 2019);
        task(l, "open", TaskStatus.OPEN, null, false);
        task(l, "planned-overdue", TaskStatus.PLANNED, null, true);
        task(l, "verified", TaskStatus.VERIFIED, null, false).verifiedOn = LocalDate.of(2019, 3, 11);
        task(l, "verified-after-overdue", TaskStatus.VERIFIED, null, true).verifiedOn = LocalDate.of(2019, 3, 21);
        save(l);

        Overview o = queries.overview("yuyao", 2019);

        assertThat(o.jurisdictionId()).isEqualTo("yuyao");
        assertThat(o.year()).isEqualTo(2019);
        assertThat(o.ledgers()).isEqualTo(1);
        assertThat(o.tasks()).isEqualTo(4);
        assertThat(o.tasksOpen()).isEqualTo(2);
        assertThat(o.tasksClosed()).isEqualTo(2);
        assertThat(o.tasksOverdue()).isEqualTo(1);
        assertThat(o.closureRate()).isEqualTo(0.5);
        assertThat(o.overdueByJurisdiction()).containsExactly(new JurisdictionCount("yuyao", 1));
    }

    @Test
    void theMedianDaysToCloseIsTheMiddleOfTheVerifiedTasksWithBothDatesOrTheMeanOfTheTwoMiddleOnes() {
        LedgerRecord odd = ledger("a", "yy-hospital", "yuyao", 2019);
        task(odd, "t1", TaskStatus.VERIFIED, null, false).verifiedOn = LocalDate.of(2019, 3, 31);
        task(odd, "t2", TaskStatus.VERIFIED, null, false).verifiedOn = LocalDate.of(2019, 3, 6);
        task(odd, "t3", TaskStatus.VERIFIED, null, false).verifiedOn = LocalDate.of(2019, 3, 20);
        task(odd, "no-date", TaskStatus.VERIFIED, null, false);
        save(odd);
        LedgerRecord undated = ledger("b", "fh-school", "fenghua", 2019);
        undated.openedOn = null;
        task(undated, "t4", TaskStatus.VERIFIED, null, false).verifiedOn = LocalDate.of(2019, 3, 2);
        save(undated);

        assertThat(queries.overview(null, 2019).medianDaysToClose()).isEqualTo(19.0);

        LedgerRecord even = ledger("c", "yy-school", "yuyao", 2018);
        task(even, "t1", TaskStatus.VERIFIED, null, false).verifiedOn = LocalDate.of(2019, 3, 11);
        task(even, "t2", TaskStatus.VERIFIED, null, false).verifiedOn = LocalDate.of(2019, 3, 31);
        task(even, "t3", TaskStatus.VERIFIED, null, false).verifiedOn = LocalDate.of(2019, 3, 5);
        task(even, "t4", TaskStatus.VERIFIED, null, false).verifiedOn = LocalDate.of(2019, 3, 25);
        save(even);

        assertThat(queries.overview(null, 2018).medianDaysToClose()).isEqualTo((10 + 24) / 2.0);
    }

    @Test
    void anOverviewOfNothingHasAClosureRateOfZeroAndNoMedian() {
        save(ledger("a", "yy-hospital", "yuyao", 2019));

        Overview o = queries.overview("yuyao", 2019);

        assertThat(o.tasks()).isZero();
        assertThat(o.closureRate()).isZero();
        assertThat(o.medianDaysToClose()).isNull();
        assertThat(o.interviewsPerMonth()).isEmpty();
        assertThat(o.overdueByJurisdiction()).isEmpty();
    }

    @Test
    void aWrittenReportIsLateWhenFiledLateOrOverdueAndPendingWhileUnfiledUpToItsDueDate() {
        LedgerRecord filedLate = ledger("filed-late", "u1", "yuyao", 2019);
        filedLate.writtenReport.filedOn = LocalDate.of(2019, 3, 20);
        filedLate.writtenReport.late = true;
        LedgerRecord overdue = ledger("overdue", "u2", "yuyao", 2019);
        overdue.writtenReport.dueOn = LocalDate.of(2019, 3, 1);
        overdue.writtenReport.overdue = true;
        LedgerRecord dueToday = ledger("due-today", "u3", "yuyao", 2019);
        dueToday.writtenReport.dueOn = TODAY;
        LedgerRecord dueLater = ledger("due-later", "u4", "yuyao", 2019);
        dueLater.writtenReport.dueOn = TODAY.plusDays(30);
        LedgerRecord dueYesterdayNotYetMarked = ledger("due-yesterday", "u5", "yuyao", 2019);
        dueYesterdayNotYetMarked.writtenReport.dueOn = TODAY.minusDays(1);
        LedgerRecord filedOnTime = ledger("filed", "u6", "yuyao", 2019);
        filedOnTime.writtenReport.dueOn = TODAY.plusDays(30);
        filedOnTime.writtenReport.filedOn = TODAY;
        LedgerRecord noDueDate = ledger("no-due-date", "u7", "yuyao", 2019);
        List.of(filedLate, overdue, dueToday, dueLater, dueYesterdayNotYetMarked, filedOnTime, noDueDate)
                .forEach(this::save);

        Overview o = queries.overview("yuyao", 2019);

        assertThat(o.reportsLate()).isEqualTo(2);
        assertThat(o.reportsPending()).isEqualTo(2);
    }

    @Test
    void theOverviewAddsUpCasesAndRegulationsAndCountsInterviewsPerMonthAndOverdueTasksPerJurisdictionInOrder() {
        LedgerRecord yuyao = ledger("a", "yy-hospital", "yuyao", 2019);
        yuyao.accountabilityCases.add(new LedgerRecord.Case());
        yuyao.regulations.add(new LedgerRecord.Regulation("r1", "办法", "ESTABLISHED", null, List.of()));
        yuyao.regulations.add(new LedgerRecord.Regulation("r2", "制度", "REVISED", null, List.of()));
        task(yuyao, "t1", TaskStatus.PLANNED, null, true);
        task(yuyao, "t2", TaskStatus.OPEN, null, true);
        save(yuyao);
        LedgerRecord fenghua = ledger("b", "fh-school", "fenghua", 2019);
        fenghua.accountabilityCases.add(new LedgerRecord.Case());
        fenghua.accountabilityCases.add(new LedgerRecord.Case());
        fenghua.regulations.add(new LedgerRecord.Regulation("r3", "规定", "ESTABLISHED", null, List.of()));
        task(fenghua, "t3", TaskStatus.PLANNED, null, true);
        save(fenghua);
        save(interview("iv-1", "yy-hospital", "yuyao", "CONDUCTED", LocalDate.of(2019, 4, 2)));
        save(interview("iv-2", "fh-school", "fenghua", "CONDUCTED", LocalDate.of(2019, 3, 28)));
        save(interview("iv-3", "yy-school", "yuyao", "CONDUCTED", LocalDate.of(2019, 3, 1)));

        Overview o = queries.overview(null, 2019);

        assertThat(o.accountabilityCases()).isEqualTo(3);
        assertThat(o.regulations()).isEqualTo(3);
        assertThat(o.interviewsHeld()).isEqualTo(3);
        assertThat(o.interviewsPerMonth()).containsExactly(new MonthCount("2019-03", 2), new MonthCount("2019-04", 1));
        assertThat(o.overdueByJurisdiction())
                .containsExactly(new JurisdictionCount("fenghua", 1), new JurisdictionCount("yuyao", 2));
        assertThat(o.warnings().red()).isEqualTo(0);
    }

    @Test
    void theOverviewCountsOnlyTheUnitsThePredicateLetsThroughInEveryFigure() {
        LedgerRecord mine = ledger("mine", "nb-transport", "ningbo", 2019);
        task(mine, "t1", TaskStatus.PLANNED, TODAY.plusDays(5), false);
        save(mine);
        LedgerRecord other = ledger("other", "nb-health", "ningbo", 2019);
        task(other, "t2", TaskStatus.PLANNED, TODAY.minusDays(1), true);
        task(other, "t3", TaskStatus.PLANNED, TODAY.plusDays(15), false);
        save(other);
        save(interview("iv-mine", "nb-transport", "ningbo", "CONDUCTED", LocalDate.of(2019, 3, 1)));
        save(interview("iv-other", "nb-health", "ningbo", "CONDUCTED", LocalDate.of(2019, 3, 2)));

        Overview o = queries.overview(null, 2019, (unit, jurisdiction) -> unit.equals("nb-transport"));

        assertThat(o.ledgers()).isEqualTo(1);
        assertThat(o.interviewsHeld()).isEqualTo(1);
        assertThat(o.tasks()).isEqualTo(1);
        assertThat(o.tasksOverdue()).isZero();
        assertThat(o.warnings()).isEqualTo(new SupervisionViews.WarningCounts(0, 1, 0));

        Overview all = queries.overview(null, 2019);
        assertThat(all.ledgers()).isEqualTo(2);
        assertThat(all.interviewsHeld()).isEqualTo(2);
        assertThat(all.warnings()).isEqualTo(new SupervisionViews.WarningCounts(1, 1, 1));
    }

    @Test
    void warningsAreTheUnverifiedTasksDueSoonOrOverdueMostUrgentFirstWithTheirLedgersFields() {
        LedgerRecord l = ledger("ledger-iv-1", "yy-hospital", "yuyao", 2019);
        l.interviewId = "iv-1";
        TaskRecord yellow = task(l, "yellow", TaskStatus.PLANNED, TODAY.plusDays(20), false);
        yellow.kind = "PROBLEM_RECTIFICATION";
        yellow.text = "采购不规范";
        yellow.responsibleLeader = "院长";
        yellow.responsibleDepartment = "纪委";
        task(l, "orange", TaskStatus.PLANNED, TODAY.plusDays(10), false);
        task(l, "red-marked", TaskStatus.PLANNED, TODAY.plusDays(3), true);
        task(l, "red-past", TaskStatus.OPEN, TODAY.minusDays(2), false);
        task(l, "far", TaskStatus.PLANNED, TODAY.plusDays(21), false);
        task(l, "verified", TaskStatus.VERIFIED, TODAY.minusDays(5), true);
        task(l, "no-deadline", TaskStatus.OPEN, null, false);
        save(l);

        List<TaskWarning> warnings = queries.warnings("yuyao", 2019, null);

        assertThat(warnings)
                .extracting(w -> w.taskId() + " " + w.level() + " " + w.daysLeft())
                .containsExactly("red-past RED -2", "red-marked RED 3", "orange ORANGE 10", "yellow YELLOW 20");
        assertThat(warnings.get(3))
                .isEqualTo(new TaskWarning(
                        "ledger-iv-1",
                        "iv-1",
                        "yy-hospital",
                        "余姚市人民医院",
                        "yuyao",
                        "yellow",
                        "PROBLEM_RECTIFICATION",
                        "采购不规范",
                        "院长",
                        "纪委",
                        TODAY.plusDays(20),
                        20,
                        WarningLevel.YELLOW));
        assertThat(queries.warnings("yuyao", 2019, WarningLevel.RED))
                .extracting(TaskWarning::taskId)
                .containsExactly("red-past", "red-marked");
        assertThat(queries.warnings("yuyao", 2019, WarningLevel.YELLOW))
                .extracting(TaskWarning::taskId)
                .containsExactly("yellow");
        assertThat(queries.warnings("fenghua", 2019, null)).isEmpty();
        assertThat(queries.overview("yuyao", 2019).warnings()).isEqualTo(new SupervisionViews.WarningCounts(1, 1, 2));
    }

    @Test
    void theEvaluationTableHasARowPerLedgerOfTheYearByJurisdictionThenUnitName() {
        save(ledger("a", "u-b", "yuyao", 2019, "二中"));
        save(ledger("b", "u-a", "yuyao", 2019, "一中"));
        save(ledger("c", "u-c", "fenghua", 2019, "丙单位"));
        save(ledger("d", "u-d", "fenghua", 2018, "丁单位"));

        List<EvaluationRow> rows = queries.evaluation(null, 2019);

        assertThat(rows)
                .extracting(r -> r.jurisdictionId() + " " + r.unitName())
                .containsExactly("fenghua 丙单位", "yuyao 一中", "yuyao 二中");
        assertThat(rows).extracting(EvaluationRow::score).containsOnly(100);
        assertThat(queries.evaluation("fenghua", 2018))
                .extracting(EvaluationRow::ledgerId)
                .containsExactly("d");
    }

    @Test
    void theAccountabilityTableHasARowPerCaseWithItsLedgersUnit() {
        LedgerRecord l = ledger("a", "yy-hospital", "yuyao", 2019);
        l.accountabilityCases.add(accountabilityCase("case-1", "outcome", LocalDate.of(2019, 5, 1)));
        l.accountabilityCases.add(accountabilityCase("case-2", null, null));
        save(l);
        save(ledger("b", "fh-school", "fenghua", 2019));

        List<AccountabilityRow> rows = queries.accountability(null, 2019);

        assertThat(rows)
                .containsExactly(
                        new AccountabilityRow(
                                "a",
                                "yy-hospital",
                                "余姚市人民医院",
                                "yuyao",
                                "case-1",
                                List.of("t1"),
                                "逾期未整改",
                                LocalDate.of(2019, 4, 1),
                                "outcome",
                                LocalDate.of(2019, 5, 1)),
                        new AccountabilityRow(
                                "a",
                                "yy-hospital",
                                "余姚市人民医院",
                                "yuyao",
                                "case-2",
                                List.of("t1"),
                                "逾期未整改",
                                LocalDate.of(2019, 4, 1),
                                null,
                                null));
        assertThat(queries.accountability("fenghua", 2019)).isEmpty();
    }

    static LedgerRecord ledger(String id, String unitId, String jurisdictionId, int year) {
        return ledger(id, unitId, jurisdictionId, year, "余姚市人民医院");
    }

    static LedgerRecord ledger(String id, String unitId, String jurisdictionId, int year, String unitName) {
        LedgerRecord l = new LedgerRecord();
        l.ledgerId = id;
        l.unitId = unitId;
        l.unitName = unitName;
        l.jurisdictionId = jurisdictionId;
        l.year = year;
        l.openedOn = LocalDate.of(2019, 3, 1);
        return l;
    }

    static TaskRecord task(LedgerRecord l, String id, TaskStatus status, LocalDate deadline, boolean overdue) {
        TaskRecord t = l.task(id);
        t.status = status;
        t.deadline = deadline;
        t.overdue = overdue;
        return t;
    }

    static InterviewRecord interview(
            String id, String unitId, String jurisdictionId, String status, LocalDate conductedOn) {
        InterviewRecord i = new InterviewRecord();
        i.interviewId = id;
        i.unitId = unitId;
        i.unitName = unitId;
        i.jurisdictionId = jurisdictionId;
        i.status = status;
        i.conductedOn = conductedOn;
        i.year = conductedOn == null ? 0 : conductedOn.getYear();
        return i;
    }

    private static LedgerRecord.Case accountabilityCase(String id, String outcome, LocalDate concludedOn) {
        LedgerRecord.Case c = new LedgerRecord.Case();
        c.caseId = id;
        c.taskIds.add("t1");
        c.grounds = "逾期未整改";
        c.openedOn = LocalDate.of(2019, 4, 1);
        c.outcome = outcome;
        c.concludedOn = concludedOn;
        return c;
    }

    private void save(Object record) {
        mongo.save(record);
    }

    private static List<String> ids(List<LedgerRecord> ledgers) {
        return ledgers.stream().map(l -> l.ledgerId).toList();
    }
}
