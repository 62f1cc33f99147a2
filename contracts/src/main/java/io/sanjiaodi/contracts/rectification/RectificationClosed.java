package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Every task verified and both reports filed: the ledger is closed. */
@Revision("1")
public record RectificationClosed(
        String ledgerId, String interviewId, String unitId, String jurisdictionId, int taskCount, LocalDate closedOn) {}
