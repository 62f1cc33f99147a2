package io.sanjiaodi.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the dashboard signs its users in; the page reads it from {@code /dashboard/config.json}.
 *
 * @param authServerUrl the auth server as the browser reaches it (not as the services reach it)
 * @param clientId      the dashboard's public OAuth client
 * @param scope         what the dashboard asks for
 */
@ConfigurationProperties("supervision.dashboard")
public record DashboardProperties(
        @DefaultValue("http://localhost:9000") String authServerUrl,
        @DefaultValue("dashboard") String clientId,
        @DefaultValue("openid profile") String scope) {}
