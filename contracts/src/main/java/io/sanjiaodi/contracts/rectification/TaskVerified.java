package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A supervisor checked the task against the list and crossed it off (对账销号). */
@Revision("1")
public record TaskVerified(
        String ledgerId,
        String taskId,
        String unitId,
        String jurisdictionId,
        LocalDate verifiedOn,
        String comment,
        String actorRole) {}
