package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The unit reported progress on a task. */
@Revision("1")
public record ProgressReported(
        String ledgerId,
        String taskId,
        String unitId,
        String jurisdictionId,
        String reportId,
        LocalDate reportedOn,
        String text,
        String actorRole) {}
