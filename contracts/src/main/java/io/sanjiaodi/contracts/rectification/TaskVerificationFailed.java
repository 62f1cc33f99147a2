package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A supervisor's check failed; the task is (re)opened with the reason. {@code reopened}: it had been verified before. */
@Revision("1")
public record TaskVerificationFailed(
        String ledgerId,
        String taskId,
        String unitId,
        String jurisdictionId,
        LocalDate checkedOn,
        String reason,
        boolean reopened,
        String actorRole) {}
