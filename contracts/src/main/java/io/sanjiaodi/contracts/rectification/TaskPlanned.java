package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The unit planned a task: responsible leader, department, deadline and measures (整改方案). */
@Revision("1")
public record TaskPlanned(
        String ledgerId,
        String taskId,
        String unitId,
        String jurisdictionId,
        String responsibleLeader,
        String responsibleDepartment,
        LocalDate deadline,
        String measures,
        String actorRole) {}
