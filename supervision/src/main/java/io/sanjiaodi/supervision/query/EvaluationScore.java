package io.sanjiaodi.supervision.query;

import io.sanjiaodi.contracts.rectification.TaskStatus;
import io.sanjiaodi.supervision.projection.LedgerRecord;
import io.sanjiaodi.supervision.projection.LedgerRecord.TaskRecord;
import io.sanjiaodi.supervision.query.SupervisionViews.EvaluationRow;
import java.util.List;
import java.util.function.Predicate;

/**
 * The rectification part of a unit's annual evaluation (年度党风廉政建设检查考评): out of 100,
 * minus 5 per overdue task, 3 per task rated not rectified, 10 for a late or missing written
 * report, 10 per accountability case; the closure rate is shown beside it. A transparent rule,
 * so that every point lost names its tasks.
 */
final class EvaluationScore {

    private EvaluationScore() {}

    static EvaluationRow of(LedgerRecord l) {
        List<String> verified = ids(l, t -> t.status == TaskStatus.VERIFIED);
        List<String> overdue = ids(l, t -> t.overdue && t.status != TaskStatus.VERIFIED);
        List<String> notRectified = ids(l, t -> "NOT_RECTIFIED".equals(t.rating));
        boolean reportOnTime = l.writtenReport.filedOn != null && !l.writtenReport.late;
        boolean reportLate = l.writtenReport.late || l.writtenReport.overdue;
        int score = 100
                - 5 * overdue.size()
                - 3 * notRectified.size()
                - (reportLate ? 10 : 0)
                - 10 * l.accountabilityCases.size();
        return new EvaluationRow(
                l.ledgerId,
                l.unitId,
                l.unitName,
                l.jurisdictionId,
                l.year,
                l.tasks.size(),
                verified.size(),
                overdue.size(),
                notRectified.size(),
                l.regulations.size(),
                reportOnTime,
                l.accountabilityCases.size(),
                l.tasks.isEmpty() ? 0 : (double) verified.size() / l.tasks.size(),
                Math.max(0, score),
                verified,
                overdue,
                notRectified);
    }

    private static List<String> ids(LedgerRecord l, Predicate<TaskRecord> filter) {
        return l.tasks.stream().filter(filter).map(t -> t.taskId).toList();
    }
}
