package io.sanjiaodi.auth;

import io.sanjiaodi.auth.login.LoginThrottle;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir  {@code <data>}: the key goes to {@code <data>/auth/jwks.json}, generated demo
 *                 passwords to {@code <data>/auth/demo-users.txt}
 * @param security the issuer every token names and the audience of access tokens (the services check both)
 * @param auth     the demo users' password and the dashboard client
 */
@ConfigurationProperties("sanjiaodi")
public record AuthServerProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Security security,
        @DefaultValue Auth auth) {

    public Path authDir() {
        return dataDir.resolve("auth");
    }

    /**
     * @param issuer   the {@code iss} of every token
     * @param audience the {@code aud} of every access token, the API's name (set in auth-server.yml;
     *                 the services' sanjiaodi-common.yml expects the same); ID tokens keep the client id
     */
    public record Security(
            @DefaultValue("http://localhost:9000") String issuer, String audience) {}

    /**
     * @param demoPassword   when set, every demo user has this password and nothing is written
     *                       (tests); otherwise each gets a generated one on first start
     * @param accessTokenTtl how long a signed-in dashboard keeps working before signing in again
     * @param login          the sign-in throttle (set in auth-server.yml)
     */
    public record Auth(
            String demoPassword,
            @DefaultValue("PT8H") Duration accessTokenTtl,
            @DefaultValue Dashboard dashboard,
            Login login) {

        /** The throttle's settings, or a clear error when the yml that sets them was not read. */
        public LoginThrottle.Settings loginThrottle() {
            if (login == null
                    || login.failuresPerUser() == null
                    || login.failuresPerAddress() == null
                    || login.window() == null
                    || login.tracked() == null) {
                throw new IllegalStateException("sanjiaodi.auth.login.* is not set (auth-server.yml sets it)");
            }
            return new LoginThrottle.Settings(
                    login.failuresPerUser(), login.failuresPerAddress(), login.window(), login.tracked());
        }
    }

    /**
     * @param failuresPerUser    failed sign-ins of one user name within a window that lock it for a window
     * @param failuresPerAddress likewise from one client address, whichever users it tried
     * @param window             how long failures count and a lock lasts
     * @param tracked            user names, and separately addresses, kept in memory at most
     */
    public record Login(Integer failuresPerUser, Integer failuresPerAddress, Duration window, Integer tracked) {}

    /** The dashboard's public client (authorization code + PKCE, no secret). */
    public record Dashboard(
            @DefaultValue("dashboard") String clientId,

            @DefaultValue("http://localhost:8083/dashboard/callback.html")
            List<String> redirectUris,

            @DefaultValue("http://localhost:8083/dashboard/")
            List<String> postLogoutRedirectUris) {

        /** The origins the dashboard runs on: the only ones allowed to call the token endpoint from a page. */
        public List<String> origins() {
            return redirectUris.stream()
                    .map(URI::create)
                    .map(u -> u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()))
                    .distinct()
                    .toList();
        }
    }
}
