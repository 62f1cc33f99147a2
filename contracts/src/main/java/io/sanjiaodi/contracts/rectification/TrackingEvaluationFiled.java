package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The supervising body (stationed group or township committee) filed its tracking evaluation report. */
@Revision("1")
public record TrackingEvaluationFiled(
        String ledgerId,
        String unitId,
        String jurisdictionId,
        String supervisingBody,
        String summary,
        LocalDate filedOn,
        String actorRole) {}
