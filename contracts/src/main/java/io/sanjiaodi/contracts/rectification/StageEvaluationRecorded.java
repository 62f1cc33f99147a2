package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A supervisor's stage evaluation (阶段评估): per task rectified / in progress / not rectified. */
@Revision("1")
public record StageEvaluationRecorded(
        String ledgerId,
        String unitId,
        String jurisdictionId,
        String evaluationId,
        LocalDate evaluatedOn,
        List<TaskRating> results,
        String actorRole) {
    public StageEvaluationRecorded {
        results = results == null ? List.of() : List.copyOf(results);
    }

    public record TaskRating(String taskId, Rating rating, String comment) {}

    public enum Rating {
        /** 已整改 */
        RECTIFIED,
        /** 整改中 */
        IN_PROGRESS,
        /** 未整改 */
        NOT_RECTIFIED
    }
}
