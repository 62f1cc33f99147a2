package io.sanjiaodi.auth.token;

import io.sanjiaodi.auth.user.DemoUsers;
import io.sanjiaodi.contracts.security.DemoUser;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the signed-in user's claims of the security contract into the access token (what the
 * services decide on) and the id token (what the dashboard shows): {@code name}, {@code roles},
 * {@code jurisdiction_id}, {@code unit_id} (unit roles only) and {@code supervised_unit_ids}.
 */
public final class DemoUserClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final DemoUsers users;

    public DemoUserClaims(DemoUsers users) {
        this.users = users;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken =
                OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
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
