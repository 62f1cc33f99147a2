package io.sanjiaodi.supervision.query;

import io.sanjiaodi.contracts.rectification.WarningLevel;
import java.time.LocalDate;
import java.util.List;

/** The answers of the supervision queries. */
public final class SupervisionViews {

    private SupervisionViews() {}

    /** Per jurisdiction and year (docs/domain.md §3). {@code closureRate} is verified tasks / all tasks. */
    public record Overview(
            String jurisdictionId,
            Integer year,
            int interviewsHeld,
            int ledgers,
            int tasks,
            int tasksOpen,
            int tasksOverdue,
            int tasksClosed,
            double closureRate,
            Double medianDaysToClose,
            int reportsPending,
            int reportsLate,
            int accountabilityCases,
            int regulations,
            List<MonthCount> interviewsPerMonth,
            List<JurisdictionCount> overdueByJurisdiction,
            WarningCounts warnings) {}

    public record MonthCount(String month, int interviews) {}

    public record JurisdictionCount(String jurisdictionId, int overdue) {}

    public record WarningCounts(int yellow, int orange, int red) {}

    /** A task that is due soon or overdue, with its warning level: YELLOW, ORANGE or RED (never NONE). */
    public record TaskWarning(
            String ledgerId,
            String interviewId,
            String unitId,
            String unitName,
            String jurisdictionId,
            String taskId,
            String kind,
            String text,
            String responsibleLeader,
            String responsibleDepartment,
            LocalDate deadline,
            long daysLeft,
            WarningLevel level) {}

    /**
     * One unit's row of the annual evaluation table. Every figure names the tasks behind it, so a
     * score can be traced to its tasks.
     */
    public record EvaluationRow(
            String ledgerId,
            String unitId,
            String unitName,
            String jurisdictionId,
            int year,
            int tasks,
            int verified,
            int overdue,
            int notRectified,
            int regulations,
            boolean writtenReportOnTime,
            int accountabilityCases,
            double closureRate,
            int score,
            List<String> verifiedTaskIds,
            List<String> overdueTaskIds,
            List<String> notRectifiedTaskIds) {}

    public record AccountabilityRow(
            String ledgerId,
            String unitId,
            String unitName,
            String jurisdictionId,
            String caseId,
            List<String> taskIds,
            String grounds,
            LocalDate openedOn,
            String outcome,
            LocalDate concludedOn) {}
}
