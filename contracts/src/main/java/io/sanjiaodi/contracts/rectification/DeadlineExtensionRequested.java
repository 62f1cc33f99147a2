package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The unit asked to move a task's deadline; a supervisor decides. */
@Revision("1")
public record DeadlineExtensionRequested(
        String ledgerId,
        String taskId,
        String unitId,
        String jurisdictionId,
        LocalDate currentDeadline,
        LocalDate requestedDeadline,
        String reason,
        String actorRole) {}
