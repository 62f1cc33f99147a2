package io.sanjiaodi.contracts.interview;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.common.Signature;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The talk took place and the lists were handed over. Carries the frozen lists in full, their
 * version and SHA-256 hash, so that consumers (the ledger, the audit trail) need nothing else.
 * Revision 2 added {@code listsHashVersion}: 2 hashes each problem's source commitment, never the
 * source; an event of revision 1 reads 0 there and its hash is of version 1 (sources in clear).
 */
@Revision("2")
public record InterviewConducted(
        String interviewId,
        Interviewee interviewee,
        LocalDate conductedOn,
        String place,
        PersonRef leadInterviewer,
        PersonRef handedOverBy,
        String recordSummary,
        Signature recordSignature,
        Signature commitmentSignature,
        FrozenLists lists,
        String listsHash,
        int listsHashVersion) {

    /** The version of {@code listsHash}: events written before it was carried hashed version 1. */
    public int effectiveListsHashVersion() {
        return listsHashVersion == 0 ? 1 : listsHashVersion;
    }

    /** The three lists exactly as handed over; {@code version} is the list version that was frozen. */
    public record FrozenLists(
            int version, List<ResponsibilityItem> responsibilities, List<ProblemItem> problems, List<RiskItem> risks) {
        public FrozenLists {
            responsibilities = responsibilities == null ? List.of() : List.copyOf(responsibilities);
            problems = problems == null ? List.of() : List.copyOf(problems);
            risks = risks == null ? List.of() : List.copyOf(risks);
        }
    }
}
