package io.sanjiaodi.auth.client;

import io.sanjiaodi.auth.AuthServerProperties;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The dashboard's OAuth client: public (a page cannot keep a secret), authorization code with PKCE
 * S256 required, exact redirect URIs, no consent screen (the commission's own application).
 */
public final class DashboardClient {

    private DashboardClient() {}

    public static RegisteredClient of(AuthServerProperties.Auth auth) {
        AuthServerProperties.Dashboard dashboard = auth.dashboard();
        return RegisteredClient.withId(dashboard.clientId())
                .clientId(dashboard.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(dashboard.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(dashboard.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(auth.accessTokenTtl())
                        .build())
                .build();
    }
}
