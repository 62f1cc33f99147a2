package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A supervisor rejected an extension; the deadline stays as it was. */
@Revision("1")
public record DeadlineExtensionRejected(
        String ledgerId,
        String taskId,
        String unitId,
        String jurisdictionId,
        LocalDate requestedDeadline,
        LocalDate deadline,
        String reason,
        String actorRole) {}
