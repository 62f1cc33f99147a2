package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A subordinate unit's sub-task is done; progress rolls up to the parent task. */
@Revision("1")
public record SubTaskCompleted(
        String ledgerId,
        String taskId,
        String subTaskId,
        String ownerUnitId,
        String unitId,
        String jurisdictionId,
        LocalDate completedOn,
        String note,
        String actorRole) {}
