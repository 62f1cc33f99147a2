package io.sanjiaodi.auth.token;

import io.sanjiaodi.auth.user.DemoUsers;
import io.sanjiaodi.contracts.security.DemoUser;
import java.util.List;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the signed-in user's claims of the security contract into the access token (what the
 * services decide on) and the id token (what the dashboard shows): {@code name}, {@code roles},
 * {@code jurisdiction_id}, {@code unit_id} (unit roles only) and {@code supervised_unit_ids}.
 *
 * <p>Both tokens carry the same claims and the same signature key, so what tells them apart must be
 * in the token: the access token is typed {@code at+jwt} (RFC 9068) and addressed to the API's
 * audience, which the services require; the ID token keeps {@code typ JWT} and its {@code aud}, the
 * client id, so it opens no endpoint.
 */
public final class DemoUserClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    /** The JOSE {@code typ} of an access token, RFC 9068 (the services' {@code AccessTokens.TYPE}). */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";

    private final DemoUsers users;
    private final String apiAudience;

    public DemoUserClaims(DemoUsers users, String apiAudience) {
        if (apiAudience == null || apiAudience.isBlank()) {
            throw new IllegalArgumentException("sanjiaodi.security.audience is not set (auth-server.yml sets it)");
        }
        this.users = users;
        this.apiAudience = apiAudience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken =
                OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        if (accessToken) {
            // for every access token, whoever it is for: the type and audience are what the services check
            context.getJwsHeader().type(ACCESS_TOKEN_TYPE);
            context.getClaims().audience(List.of(apiAudience));
        }
        users.find(context.getPrincipal().getName()).ifPresent(user -> add(context, user));
    }

    private static void add(JwtEncodingContext context, DemoUser user) {
        context.getClaims().claims(claims -> {
            claims.put("name", user.name());
            claims.put("roles", user.roles());
            claims.put("jurisdiction_id", user.jurisdictionId());
            if (user.unitId() != null) {
                claims.put("unit_id", user.unitId());
            }
            claims.put("supervised_unit_ids", user.supervisedUnitIds());
        });
    }
}
