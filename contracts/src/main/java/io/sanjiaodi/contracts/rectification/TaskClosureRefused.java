package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Someone without the right to close a task tried to (e.g. the unit its own task); kept for the auditors. */
@Revision("1")
public record TaskClosureRefused(
        String ledgerId,
        String taskId,
        String unitId,
        String jurisdictionId,
        String code,
        String reason,
        LocalDate attemptedOn,
        String actorRole) {}
