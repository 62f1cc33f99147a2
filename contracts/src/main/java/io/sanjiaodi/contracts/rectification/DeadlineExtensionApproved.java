package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A supervisor approved an extension; {@code originalDeadline} is the deadline of the first plan, kept on record. */
@Revision("1")
public record DeadlineExtensionApproved(
        String ledgerId,
        String taskId,
        String unitId,
        String jurisdictionId,
        LocalDate originalDeadline,
        LocalDate previousDeadline,
        LocalDate newDeadline,
        String comment,
        String actorRole) {}
