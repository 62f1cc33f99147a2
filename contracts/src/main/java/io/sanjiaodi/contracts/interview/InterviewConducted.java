package io.sanjiaodi.contracts.interview;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The talk took place and the lists were handed over. Carries the frozen lists in full so
 * that consumers (the rectification ledger, the audit trail) need nothing else.
 */
@Revision("1")
public record InterviewConducted(
        String interviewId,
        Interviewee interviewee,
        LocalDate conductedOn,
        String place,
        PersonRef leadInterviewer,
        List<FrozenListItem> items,
        String listsHash) {

    public InterviewConducted {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One item of one of the three lists as handed over in the talk. */
    public record FrozenListItem(String itemId, ListKind list, String aspect, String text) {
    }

    public enum ListKind {
        /** 主体责任履责清单 */
        RESPONSIBILITY,
        /** 所在单位问题清单 */
        PROBLEM,
        /** 重要廉政风险清单 */
        RISK
    }
}
