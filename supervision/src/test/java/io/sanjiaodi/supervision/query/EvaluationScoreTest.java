package io.sanjiaodi.supervision.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.rectification.TaskStatus;
import io.sanjiaodi.supervision.projection.LedgerRecord;
import io.sanjiaodi.supervision.projection.LedgerRecord.TaskRecord;
import io.sanjiaodi.supervision.query.SupervisionViews.EvaluationRow;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The annual evaluation's rectification score: every figure from its tasks, every point lost named. */
class EvaluationScoreTest {

    @Test
    void aLedgerWithNothingAgainstItScoresOneHundredAndNamesItsVerifiedTasks() {
        LedgerRecord l = ledger();
        task(l, "t1", TaskStatus.VERIFIED, false, null);
        task(l, "t2", TaskStatus.PLANNED, false, null);
        l.writtenReport.filedOn = LocalDate.of(2019, 5, 30);

        EvaluationRow row = EvaluationScore.of(l);

        assertThat(row.score()).isEqualTo(100);
        assertThat(row.tasks()).isEqualTo(2);
        assertThat(row.verified()).isEqualTo(1);
        assertThat(row.verifiedTaskIds()).containsExactly("t1");
        assertThat(row.overdue()).isZero();
        assertThat(row.overdueTaskIds()).isEmpty();
        assertThat(row.notRectified()).isZero();
        assertThat(row.closureRate()).isEqualTo(0.5);
        assertThat(row.writtenReportOnTime()).isTrue();
        assertThat(row)
                .extracting(
                        EvaluationRow::ledgerId,
                        EvaluationRow::unitId,
                        EvaluationRow::unitName,
                        EvaluationRow::jurisdictionId,
                        EvaluationRow::year)
                .containsExactly("ledger-1", "yy-hospital", "余姚市人民医院", "yuyao", 2019);
    }

    @Test
    void eachOverdueTaskThatIsNotVerifiedCostsFivePoints() {
        LedgerRecord l = filedOnTime(ledger());
        task(l, "late-1", TaskStatus.PLANNED, true, null);
        task(l, "late-2", TaskStatus.OPEN, true, null);
        task(l, "late-but-verified", TaskStatus.VERIFIED, true, null);

        EvaluationRow row = EvaluationScore.of(l);

        assertThat(row.overdueTaskIds()).containsExactly("late-1", "late-2");
        assertThat(row.overdue()).isEqualTo(2);
        assertThat(row.score()).isEqualTo(100 - 2 * 5);
    }

    @Test
    void eachTaskRatedNotRectifiedCostsThreePointsWhateverItsStatus() {
        LedgerRecord l = filedOnTime(ledger());
        task(l, "t1", TaskStatus.VERIFIED, false, "NOT_RECTIFIED");
        task(l, "t2", TaskStatus.PLANNED, false, "NOT_RECTIFIED");
        task(l, "t3", TaskStatus.PLANNED, false, "RECTIFIED");

        EvaluationRow row = EvaluationScore.of(l);

        assertThat(row.notRectifiedTaskIds()).containsExactly("t1", "t2");
        assertThat(row.notRectified()).isEqualTo(2);
        assertThat(row.score()).isEqualTo(100 - 2 * 3);
    }

    @Test
    void aWrittenReportFiledLateCostsTenPointsAndIsNotOnTime() {
        LedgerRecord l = ledger();
        l.writtenReport.filedOn = LocalDate.of(2019, 6, 10);
        l.writtenReport.late = true;

        EvaluationRow row = EvaluationScore.of(l);

        assertThat(row.writtenReportOnTime()).isFalse();
        assertThat(row.score()).isEqualTo(90);
    }

    @Test
    void aWrittenReportGoneOverdueCostsTenPointsOnceEvenIfItWasThenFiledLate() {
        LedgerRecord overdue = ledger();
        overdue.writtenReport.overdue = true;
        LedgerRecord overdueAndLate = ledger();
        overdueAndLate.writtenReport.overdue = true;
        overdueAndLate.writtenReport.late = true;
        overdueAndLate.writtenReport.filedOn = LocalDate.of(2019, 6, 10);

        assertThat(EvaluationScore.of(overdue).score()).isEqualTo(90);
        assertThat(EvaluationScore.of(overdue).writtenReportOnTime()).isFalse();
        assertThat(EvaluationScore.of(overdueAndLate).score()).isEqualTo(90);
    }

    @Test
    void aReportNotYetDueAndNotFiledCostsNothingButIsNotOnTime() {
        EvaluationRow row = EvaluationScore.of(ledger());

        assertThat(row.score()).isEqualTo(100);
        assertThat(row.writtenReportOnTime()).isFalse();
    }

    @Test
    void eachAccountabilityCaseCostsTenPointsAndTheRegulationsAreCounted() {
        LedgerRecord l = filedOnTime(ledger());
        l.accountabilityCases.add(new LedgerRecord.Case());
        l.accountabilityCases.add(new LedgerRecord.Case());
        l.regulations.add(new LedgerRecord.Regulation("r1", "办法", "ESTABLISHED", null, List.of()));

        EvaluationRow row = EvaluationScore.of(l);

        assertThat(row.accountabilityCases()).isEqualTo(2);
        assertThat(row.regulations()).isEqualTo(1);
        assertThat(row.score()).isEqualTo(100 - 2 * 10);
    }

    @Test
    void thePenaltiesAddUpAndTheScoreNeverFallsBelowZero() {
        LedgerRecord some = ledger();
        some.writtenReport.late = true;
        task(some, "t1", TaskStatus.PLANNED, true, "NOT_RECTIFIED");
        some.accountabilityCases.add(new LedgerRecord.Case());
        assertThat(EvaluationScore.of(some).score()).isEqualTo(100 - 5 - 3 - 10 - 10);

        LedgerRecord worst = ledger();
        worst.writtenReport.overdue = true;
        for (int i = 0; i < 12; i++) {
            task(worst, "t" + i, TaskStatus.PLANNED, true, "NOT_RECTIFIED");
        }
        assertThat(EvaluationScore.of(worst).score()).isZero();
    }

    @Test
    void aLedgerWithoutTasksHasAClosureRateOfZero() {
        EvaluationRow row = EvaluationScore.of(ledger());

        assertThat(row.tasks()).isZero();
        assertThat(row.closureRate()).isZero();
    }

    private static LedgerRecord ledger() {
        LedgerRecord l = new LedgerRecord();
        l.ledgerId = "ledger-1";
        l.unitId = "yy-hospital";
        l.unitName = "余姚市人民医院";
        l.jurisdictionId = "yuyao";
        l.year = 2019;
        return l;
    }

    private static LedgerRecord filedOnTime(LedgerRecord l) {
        l.writtenReport.filedOn = LocalDate.of(2019, 5, 30);
        return l;
    }

    private static void task(LedgerRecord l, String id, TaskStatus status, boolean overdue, String rating) {
        TaskRecord t = l.task(id);
        t.status = status;
        t.overdue = overdue;
        t.rating = rating;
    }
}
