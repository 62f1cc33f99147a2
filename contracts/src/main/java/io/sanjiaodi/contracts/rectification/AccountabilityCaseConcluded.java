package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An accountability case reached its outcome and was closed. */
@Revision("1")
public record AccountabilityCaseConcluded(
        String ledgerId,
        String caseId,
        String unitId,
        String jurisdictionId,
        String outcome,
        LocalDate concludedOn,
        String actorRole) {}
