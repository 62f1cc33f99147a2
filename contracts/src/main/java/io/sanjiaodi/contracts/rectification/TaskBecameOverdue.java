package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A task passed its deadline without verification; recorded once per deadline on record. */
@Revision("1")
public record TaskBecameOverdue(
        String ledgerId,
        String taskId,
        String unitId,
        String jurisdictionId,
        LocalDate deadline,
        LocalDate detectedOn) {}
