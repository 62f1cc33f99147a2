package io.sanjiaodi.contracts.security;

import org.axonframework.serialization.Revision;

/**
 * A request was refused for lack of rights (403) or for a presented-but-invalid token (401). The
 * refusal changed nothing else; auditors see it in the trail. Never carries the token itself.
 *
 * @param service        the service that refused, e.g. {@code rectification-service}
 * @param method         HTTP method
 * @param path           request path (no query string: query values may be personal)
 * @param status         403 or 401
 * @param code           the problem code answered, e.g. {@code ACCESS_DENIED}, {@code OUT_OF_SCOPE}, {@code TOKEN_INVALID}
 * @param userId         the token's subject; {@code "anonymous"} when the token was not valid
 * @param role           the actor's role, {@code "NONE"} when unknown
 * @param unitId         the actor's unit, {@code ""} when it has none
 * @param jurisdictionId the actor's jurisdiction, {@code ""} when unknown
 */
@Revision("1")
public record AccessDenied(
        String service,
        String method,
        String path,
        int status,
        String code,
        String userId,
        String role,
        String unitId,
        String jurisdictionId) {}
