package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A task was cascaded to subordinate units (下属单位): one sub-task per owner unit. */
@Revision("1")
public record TaskCascaded(
        String ledgerId,
        String taskId,
        String unitId,
        String jurisdictionId,
        List<SubTask> subTasks,
        String actorRole) {
    public TaskCascaded {
        subTasks = subTasks == null ? List.of() : List.copyOf(subTasks);
    }

    /** A sub-task owned by a subordinate unit. */
    public record SubTask(String subTaskId, String ownerUnitId, String ownerUnitName, LocalDate deadline) {}
}
