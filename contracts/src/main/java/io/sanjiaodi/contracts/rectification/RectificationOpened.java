package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A ledger was opened for a conducted interview (挂账): one task per list item.
 *
 * <p>{@code conductedOn}, {@code planDueOn} and {@code writtenReportDueOn} were added compatibly
 * (still revision 1): ledgers opened before carry none of them, and consumers must accept null.
 */
@Revision("1")
public record RectificationOpened(
        String ledgerId,
        String interviewId,
        String unitId,
        String unitName,
        String jurisdictionId,
        List<Task> tasks,
        LocalDate conductedOn,
        LocalDate planDueOn,
        LocalDate writtenReportDueOn) {

    public RectificationOpened {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /** {@code aspect}: the problem's aspect or the risk's business area; null for duties. */
    public record Task(String taskId, TaskKind kind, String sourceItemId, String aspect, String text) {}

    public enum TaskKind {
        /** a problem to rectify (问题整改) */
        PROBLEM_RECTIFICATION,
        /** a risk to prevent (风险防控) */
        RISK_PREVENTION,
        /** a duty the unit reports on (履责) */
        DUTY
    }
}
