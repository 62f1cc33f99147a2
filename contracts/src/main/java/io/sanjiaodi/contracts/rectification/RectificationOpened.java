package io.sanjiaodi.contracts.rectification;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A ledger was opened for a conducted interview (挂账): one task per list item. */
@Revision("1")
public record RectificationOpened(
        String ledgerId,
        String interviewId,
        String unitId,
        String unitName,
        String jurisdictionId,
        List<Task> tasks) {

    public RectificationOpened {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /** {@code aspect}: the problem's aspect or the risk's business area; null for duties. */
    public record Task(String taskId, TaskKind kind, String sourceItemId, String aspect, String text) {
    }

    public enum TaskKind {
        /** a problem to rectify (问题整改) */
        PROBLEM_RECTIFICATION,
        /** a risk to prevent (风险防控) */
        RISK_PREVENTION,
        /** a duty the unit reports on (履责) */
        DUTY
    }
}
