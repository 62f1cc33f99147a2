package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An accountability case (追责问责) was opened against poor implementation of the named tasks. */
@Revision("1")
public record AccountabilityCaseOpened(
        String ledgerId,
        String caseId,
        String unitId,
        String jurisdictionId,
        List<String> taskIds,
        List<String> evidenceIds,
        String grounds,
        LocalDate openedOn,
        String actorRole) {
    public AccountabilityCaseOpened {
        taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
        evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
    }
}
