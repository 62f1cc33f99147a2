package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The written report was not filed by its due date; recorded once. */
@Revision("1")
public record WrittenReportBecameOverdue(
        String ledgerId,
        String interviewId,
        String unitId,
        String jurisdictionId,
        LocalDate dueOn,
        LocalDate detectedOn) {}
