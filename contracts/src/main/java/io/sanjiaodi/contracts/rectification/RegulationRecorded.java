package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A regulation (制度) the unit established or revised, linked to the tasks it answers. */
@Revision("1")
public record RegulationRecorded(
        String ledgerId,
        String unitId,
        String jurisdictionId,
        String regulationId,
        String title,
        RegulationAction action,
        LocalDate issuedOn,
        List<String> taskIds,
        String actorRole) {
    public RegulationRecorded {
        taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
    }

    public enum RegulationAction {
        /** 制定 */
        ESTABLISHED,
        /** 修订 */
        REVISED
    }
}
