package io.sanjiaodi.contracts.rectification;

import org.axonframework.serialization.Revision;

/** The unit revised a task's plan; the deadline moves only through an approved extension. {@code revision} counts from 1. */
@Revision("1")
public record TaskPlanRevised(
        String ledgerId,
        String taskId,
        String unitId,
        String jurisdictionId,
        int revision,
        String responsibleLeader,
        String responsibleDepartment,
        String measures,
        String reason,
        String actorRole) {}
