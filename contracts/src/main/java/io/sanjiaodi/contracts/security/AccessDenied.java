package io.sanjiaodi.contracts.security;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Refused requests of one signed-in actor (403): the refusal changed nothing else; auditors see it
 * in the trail. Never carries the token itself. Requests without a valid token (401) are not
 * recorded: anyone could fill the permanent log with them, so the services only count them.
 *
 * <p>The first refusal of an (actor, method, path, code) in a window is recorded at once with
 * {@code occurrences} 1 and no {@code windowEnd}; the further ones of that window are recorded as
 * one event when it closes, with their count and the window's end, so a flood of refusals adds
 * at most two events per window.
 *
 * @param service        the service that refused, e.g. {@code rectification-service}
 * @param method         HTTP method
 * @param path           request path (no query string: query values may be personal)
 * @param status         403 (401 in events recorded before revision 2)
 * @param code           the problem code answered, e.g. {@code ACCESS_DENIED}, {@code OUT_OF_SCOPE}
 * @param userId         the token's subject ({@code "anonymous"} in old 401 events)
 * @param role           the actor's role, {@code "NONE"} when unknown
 * @param unitId         the actor's unit, {@code ""} when it has none
 * @param jurisdictionId the actor's jurisdiction, {@code ""} when unknown
 * @param occurrences    how many refusals this event stands for; 1 for events of revision 1
 * @param windowEnd      for a coalesced record, the end of the window its occurrences fell in;
 *                       {@code null} for a refusal recorded at once
 */
@Revision("2")
public record AccessDenied(
        String service,
        String method,
        String path,
        int status,
        String code,
        String userId,
        String role,
        String unitId,
        String jurisdictionId,
        int occurrences,
        Instant windowEnd) {

    public AccessDenied {
        // revision 1 had no count: each of its events was one refusal (a missing int reads as 0)
        occurrences = Math.max(1, occurrences);
    }
}
